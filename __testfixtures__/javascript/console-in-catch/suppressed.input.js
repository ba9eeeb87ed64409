export function cli(argv) {
  try {
    return JSON.parse(argv[2]);
  } catch (e) {
    // faultline-ignore console-in-catch: this is a CLI, its users read stderr
    console.error('Invalid JSON:', e.message);
    return null;
  }
}
