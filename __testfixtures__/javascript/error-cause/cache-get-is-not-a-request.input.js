const cache = require('./cache');

function settingsFor(key) {
  try {
    return JSON.parse(cache.get(key));
  } catch (error) {
    throw new Error(`Settings for ${key} are unreadable`);
  }
}

module.exports = { settingsFor };
