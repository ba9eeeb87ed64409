export function detectPnp() {
  let pnp = null;
  try {
    pnp = require('pnpapi');
  } catch (e) {}
  return pnp;
}

export function hasTypescript() {
  try {
    require.resolve('typescript');
    return true;
  } catch {}
  return false;
}
