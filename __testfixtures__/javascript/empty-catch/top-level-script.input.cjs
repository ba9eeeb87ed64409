#!/usr/bin/env node
'use strict';

try {
  process.chdir(process.argv[2]);
} catch (e) {}
