function canCheckHostnames () {
  let Certificate
  try {
    Certificate = require('node:crypto').X509Certificate
  } catch (e) {
    return false
  }
  return typeof Certificate === 'function'
}

module.exports = { canCheckHostnames }
