declare function step(n: number): void;

export function run(): void {
  try {
    step(1);
    try {
      step(2);
    } catch (inner) {
      throw inner;
    }
    step(3);
  } catch (outer) {
    throw outer;
  }
}
