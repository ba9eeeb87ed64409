declare function createError(message: string): Error;
declare function run(): void;

export function main(): void {
  try {
    run();
  } catch (e) {
    throw createError('Run failed');
  }
}
