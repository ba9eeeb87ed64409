const { readFileSync } = require('fs')

const versionRe = /^#define VERSION (\d+)/m

function installedVersion (header) {
  let version
  try {
    const text = readFileSync(header, 'utf8')
    version = text.match(versionRe)[1]
  } catch {}
  return version
}

module.exports = { installedVersion }
