const recipes: Record<string, string> = { soup: 'Boil water.' };

export function Recipe({ name }: { name: string }) {
  const text = recipes[name];
  if (text === undefined) throw new Error(`Recipe ${name} not found`);
  return <article>{text}</article>;
}
