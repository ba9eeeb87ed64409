'use strict';

const accounts = new Map();

function account(id) {
  if (!accounts.has(id)) throw Error('Account ' + id + ' not found');
  return accounts.get(id);
}

module.exports = { account };
