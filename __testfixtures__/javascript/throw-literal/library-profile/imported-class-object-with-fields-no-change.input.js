'use strict';

const { RequestError } = require('../errors');

function assertStatus(response) {
  if (response.status === 0) throw new RequestError('No response');
  if (response.status >= 400) throw { message: 'Request failed', status: response.status };
  return response;
}

module.exports = { assertStatus };
