export function overrideFor(name: string, overrides: Map<string, () => void>): () => void {
  const override = overrides.get(name);
  if (override === undefined) throw new Error('Assertion failure - override not found');
  return override;
}
