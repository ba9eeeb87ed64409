declare function work(): void;
declare function later(callback: () => void): void;

export function schedule(): void {
  try {
    work();
  } catch (e) {
    later(() => {
      throw new Error('Retry failed');
    });
  }
  throw new Error('Not in a catch');
}
