import { readFileSync } from 'node:fs';

export function Readme({ path }: { path: string }) {
  let text = '';
  try {
    text = readFileSync(path, 'utf8');
    // biome-ignore lint/suspicious/noEmptyBlockStatements: a missing readme shows nothing
  } catch {}
  return <pre>{text}</pre>;
}
