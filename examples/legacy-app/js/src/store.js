// An in-memory stand-in for a database: asynchronous, and able to fail on demand in tests.
const tables = new Map();
let failing = false;

export function failNextCalls(value) {
  failing = value;
}

function table(name) {
  if (!tables.has(name)) tables.set(name, new Map());
  return tables.get(name);
}

export async function get(name, key) {
  if (failing) throw new Error('Store unavailable');
  return table(name).get(key);
}

export async function put(name, key, value) {
  if (failing) throw new Error('Store unavailable');
  table(name).set(key, value);
}

export async function remove(name, key) {
  if (failing) throw new Error('Store unavailable');
  table(name).delete(key);
}

export async function count(name) {
  if (failing) throw new Error('Store unavailable');
  return table(name).size;
}

export function reset() {
  tables.clear();
  failing = false;
}
