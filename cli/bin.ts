#!/usr/bin/env node
import { tuneCompilerForShortRuns } from './compiler-tuning.js';
import { installProcessHandlers } from './interrupt.js';
import { main } from './main.js';

// Before any file is parsed: see compiler-tuning.ts.
tuneCompilerForShortRuns();
installProcessHandlers();

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`faultline: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
