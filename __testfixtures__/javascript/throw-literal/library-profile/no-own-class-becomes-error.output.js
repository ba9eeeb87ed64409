'use strict';

function parsePort(value) {
  const port = Number(value);
  if (!Number.isInteger(port)) throw new Error('Port must be an integer');
  return port;
}

module.exports = { parsePort };
