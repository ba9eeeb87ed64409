const fs = require('fs')

function readCache(file) {
  let cache = {}
  try {
    cache = JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch (e) {}
  return cache
}

module.exports = { readCache }
