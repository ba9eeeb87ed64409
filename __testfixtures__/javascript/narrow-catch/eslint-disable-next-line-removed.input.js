const fs = require('node:fs');

async function ensureCacheDir(dir) {
  try {
    await fs.promises.access(dir);
    return;
    // eslint-disable-next-line no-empty
  } catch {}
  await fs.promises.mkdir(dir, { recursive: true });
}

module.exports = { ensureCacheDir };
