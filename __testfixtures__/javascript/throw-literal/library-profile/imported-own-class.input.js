'use strict';

const { ConfigError } = require('./errors');

function readPort(config) {
  if (!('port' in config)) throw new ConfigError(`Missing port in ${config.file}`);
  if (typeof config.port !== 'number') throw `Port must be a number, got ${typeof config.port}`;
  return config.port;
}

module.exports = { readPort };
