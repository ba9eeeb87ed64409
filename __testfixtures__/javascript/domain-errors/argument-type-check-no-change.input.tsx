export function Avatar({ src }: { src: unknown }) {
  if (typeof src !== 'string') throw new Error('Avatar source not found: pass a URL string');
  return <img src={src} alt="" />;
}
