export function loadPlugin(name) {
  return import(name).catch(() => {
    throw new Error(`plugin ${name} is not installed`);
  });
}
