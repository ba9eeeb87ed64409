const fsp = require('fs/promises');

async function finishUpload(stagingFile, upload) {
  await upload(stagingFile);
  await fsp.unlink(stagingFile).catch(() => {});
}

module.exports = { finishUpload };
