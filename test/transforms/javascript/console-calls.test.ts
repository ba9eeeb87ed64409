import type { ExpressionStatement } from '@babel/types';
import { describe, expect, it } from 'vitest';
import { isConsoleMethod } from '../../../transforms/javascript/lib/console-calls.js';
import { parseSource } from '../../../transforms/javascript/lib/parse.js';

function calleeOf(code: string) {
  const statement = parseSource(code, 'call.js', { lean: true }).program.body[0] as ExpressionStatement;
  if (statement.expression.type !== 'CallExpression') throw new Error(`not a call: ${code}`);
  return statement.expression.callee;
}

describe('isConsoleMethod', () => {
  it.each(['console.error(e)', 'console.log(e)', 'console.trace(e)', 'console.warn(e)', 'console.info(e)', 'console.debug(e)'])('%s prints', (code) => {
    expect(isConsoleMethod(calleeOf(code))).toBe(true);
  });

  // Methods that do not print a message, computed access, other objects, and names every object inherits.
  it.each(['console.table(e)', "console['log'](e)", 'logger.error(e)', 'window.console.log(e)', 'console.toString(e)', 'console.constructor(e)', 'log(e)'])(
    '%s does not',
    (code) => {
      expect(isConsoleMethod(calleeOf(code))).toBe(false);
    },
  );
});
