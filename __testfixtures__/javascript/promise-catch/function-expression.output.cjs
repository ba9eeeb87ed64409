const { writeFile } = require('node:fs/promises');
const { reportError } = require('../src/errors/index.js');

module.exports = function touch(path) {
  return writeFile(path, '').catch(function (error) { reportError(error, { operation: 'touch' }); });
};
