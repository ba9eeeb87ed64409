export function run(task, ...context) {
  try {
    return task();
  } catch (e) {
    console.error(...context, e);
    return undefined;
  }
}
