function currentUser () {
  try {
    return require('os').userInfo().username
  } catch {}
}

module.exports = { currentUser }
