// An in-memory stand-in for a database: asynchronous, and able to fail on demand in tests.
const tables = new Map<string, Map<string, unknown>>();
let failing = false;

export function failNextCalls(value: boolean): void {
  failing = value;
}

function table(name: string): Map<string, unknown> {
  let found = tables.get(name);
  if (found === undefined) {
    found = new Map();
    tables.set(name, found);
  }
  return found;
}

export async function get<T>(name: string, key: string): Promise<T | undefined> {
  if (failing) throw new Error('Store unavailable');
  return table(name).get(key) as T | undefined;
}

export async function put(name: string, key: string, value: unknown): Promise<void> {
  if (failing) throw new Error('Store unavailable');
  table(name).set(key, value);
}

export async function remove(name: string, key: string): Promise<void> {
  if (failing) throw new Error('Store unavailable');
  table(name).delete(key);
}

export async function count(name: string): Promise<number> {
  if (failing) throw new Error('Store unavailable');
  return table(name).size;
}

export function reset(): void {
  tables.clear();
  failing = false;
}
