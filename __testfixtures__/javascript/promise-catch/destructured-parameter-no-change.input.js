export function size(file) {
  return file.stat().catch(({ code }) => code === 'ENOENT' ? 0 : -1);
}
