declare function show(error: Error): void;

export function Missing({ id }: { id: string }) {
  const error = new Error(`Item ${id} not found`);
  show(error);
  return <p>{error.message}</p>;
}
