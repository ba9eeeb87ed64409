declare function formatError(error: unknown): string;
declare function run(): void;

export function main(): void {
  try {
    run();
  } catch (e) {
    console.error(formatError(e));
  }
}
