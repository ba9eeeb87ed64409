const fs = require('node:fs');
const path = require('node:path');

function prepareUploads(root) {
  const uploads = path.join(root, 'uploads');
  try {
    fs.mkdirSync(uploads);
  } catch (error) {}
  return uploads;
}

module.exports = { prepareUploads };
