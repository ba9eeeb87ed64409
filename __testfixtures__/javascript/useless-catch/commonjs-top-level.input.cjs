'use strict';

const config = require('./config.json');

try {
  config.validate();
} catch (e) {
  throw e;
}

module.exports = config;
