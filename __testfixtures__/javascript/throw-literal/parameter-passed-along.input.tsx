export function fail(reason: unknown): never {
  throw reason;
}

export function Guard({ error }: { error?: unknown }) {
  if (error !== undefined) fail(error);
  return <p>ok</p>;
}
