const { unlink } = require('node:fs/promises');
const { reportError } = require('../src/errors/index.js');

module.exports = function cleanUp(path) {
  return unlink(path).catch(function (error) { reportError(error, { operation: 'cleanUp' }); });
};
