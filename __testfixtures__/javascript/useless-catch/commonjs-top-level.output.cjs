'use strict';

const config = require('./config.json');

config.validate();

module.exports = config;
