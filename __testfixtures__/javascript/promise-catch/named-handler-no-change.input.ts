declare function load(): Promise<void>;
declare function handleFailure(error: unknown): void;

export function boot(): void {
  load().catch(handleFailure);
}
