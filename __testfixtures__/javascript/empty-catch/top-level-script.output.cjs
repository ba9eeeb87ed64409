#!/usr/bin/env node
'use strict';
const { reportError } = require('../src/errors/index.js');

try {
  process.chdir(process.argv[2]);
} catch (e) {
  reportError(e, { operation: 'top-level-script.input' });
}
