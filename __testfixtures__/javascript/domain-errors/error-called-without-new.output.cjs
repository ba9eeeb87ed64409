'use strict';
const { NotFoundError } = require('../src/errors/index.js');

const accounts = new Map();

function account(id) {
  if (!accounts.has(id)) throw new NotFoundError('Account ' + id + ' not found', { expose: false });
  return accounts.get(id);
}

module.exports = { account };
