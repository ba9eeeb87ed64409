const fs = require('fs')

function ensureFile (file) {
  let stats
  try {
    stats = fs.statSync(file)
  } catch {}
  if (stats && stats.isFile()) return
  fs.writeFileSync(file, '')
}

module.exports = { ensureFile }
