declare function step(name: string): void;

export function runSteps(names: string[]): void {
  for (const name of names) {
    try {
      step(name);
    } catch (e) {
      console.info('Step skipped', name, e);
      console.debug(e);
      console.trace('Step failed', e);
    }
  }
}
