const fs = require('fs')
const { isErrnoError } = require('../src/errors/index.js')

function readCache(file) {
  let cache = {}
  try {
    cache = JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch (e) {
    if (!isErrnoError(e, 'ENOENT', 'ENOTDIR') && !(e instanceof SyntaxError)) {
      throw e
    }
  }
  return cache
}

module.exports = { readCache }
