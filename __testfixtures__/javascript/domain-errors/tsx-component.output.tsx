import { NotFoundError } from '../src/errors/index.js';

const recipes: Record<string, string> = { soup: 'Boil water.' };

export function Recipe({ name }: { name: string }) {
  const text = recipes[name];
  if (text === undefined) throw new NotFoundError(`Recipe ${name} not found`, { expose: false });
  return <article>{text}</article>;
}
