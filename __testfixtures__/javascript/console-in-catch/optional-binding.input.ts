declare function tick(): void;

export function loop(): void {
  try {
    tick();
  } catch {
    console.error('tick failed');
  }
}
