'use strict';

const crypto = require('node:crypto');
const os = require('node:os');

const { reportError } = require('../src/errors');
const { publish } = require('./queue');
const { tokens } = require('./tokens');
const { write } = require('./writer');

function rotate() {
  try {
    tokens.replace(crypto.randomUUID(), os.hostname());
    publish('rotated');
  } catch (err) {
    reportError(err, { operation: 'rotate' });
  }
  write(tokens);
}

module.exports = { rotate };
