export function Avatar({ url }) {
  let src = '/default.png';
  try {
    src = new URL(url).href;
  } catch {
    /* an invalid URL shows the default picture */
  }
  return <img src={src} />;
}
