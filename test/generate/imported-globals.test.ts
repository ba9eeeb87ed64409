import { describe, expect, it } from 'vitest';
import { wantsImportedGlobals, withImportedGlobals } from '../../cli/generate/imported-globals.js';

const processProblem = { ruleId: 'node/prefer-global/process', line: 5, message: "Unexpected use of the global variable 'process'. Use 'require(\"process\")' instead." };

describe('globals a linter wants imported', () => {
  it('get the import the rule asks for above the first import, in the file style', () => {
    const esm = "// Generated.\n\nimport { logger } from './logger'\n\nexport const level = process.env.LOG_LEVEL\n";
    expect(wantsImportedGlobals([processProblem])).toBe(true);
    expect(withImportedGlobals(esm, [processProblem], true)).toBe("// Generated.\n\nimport process from 'node:process'\nimport { logger } from './logger'\n\nexport const level = process.env.LOG_LEVEL\n");
    const cjs = "'use strict';\n\nconst { logger } = require('./logger');\n\nmodule.exports = { level: process.env.LOG_LEVEL };\n";
    const buffer = { ruleId: 'n/prefer-global/buffer', line: 5, message: "Unexpected use of the global variable 'Buffer'. Use 'require(\"buffer\").Buffer' instead." };
    expect(withImportedGlobals(cjs, [processProblem, buffer], false)).toBe(
      "'use strict';\n\nconst { Buffer } = require('buffer');\nconst process = require('process');\nconst { logger } = require('./logger');\n\nmodule.exports = { level: process.env.LOG_LEVEL };\n",
    );
  });

  it('leave the opposite mode, which asks for the global, to be reported', () => {
    const always = { ruleId: 'n/prefer-global/process', line: 1, message: "Unexpected use of 'require(\"process\")'. Use the global variable 'process' instead." };
    expect(wantsImportedGlobals([always])).toBe(false);
  });
});
