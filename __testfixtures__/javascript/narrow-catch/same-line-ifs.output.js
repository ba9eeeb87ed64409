const fs = require('fs')
const { isErrnoError } = require('../src/errors/index.js')

function ensureFile (file) {
  let stats
  try {
    stats = fs.statSync(file)
  } catch (error) {
    if (!isErrnoError(error, 'ENOENT', 'ENOTDIR')) throw error
  }
  if (stats && stats.isFile()) return
  fs.writeFileSync(file, '')
}

module.exports = { ensureFile }
