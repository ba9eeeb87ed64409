import { access } from 'node:fs/promises';

export async function HasLogo({ path }: { path: string }) {
  const present = await access(path).then(() => true).catch(() => false);
  return present ? <img src={path} /> : null;
}
