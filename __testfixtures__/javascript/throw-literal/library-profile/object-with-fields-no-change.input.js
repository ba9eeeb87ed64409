'use strict';

function assertStatus(response) {
  if (response.status >= 400) throw { message: 'Request failed', status: response.status };
  return response;
}

module.exports = { assertStatus };
