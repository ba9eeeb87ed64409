declare function step(n: number): void;

export function run(): void {
  step(1);
  step(2);
  step(3);
}
