/**
 * `console.error(…)` and the other console methods that print. One definition serves the modules
 * that must agree on it: console-in-catch rewrites these calls in catch blocks, promise-catch takes
 * one as a handler that reports, and error-message-only-logged leaves them in catch blocks to
 * console-in-catch.
 */
import type { Identifier, MemberExpression, Node } from '@babel/types';

/** The logger level each printing console method becomes. */
export const CONSOLE_LEVELS: Readonly<Record<string, string>> = {
  error: 'error',
  log: 'error',
  trace: 'error',
  warn: 'warn',
  info: 'info',
  debug: 'debug',
};

/** `console.<method>` for a method that prints (`console.error`, not `console.table` or `console['log']`). */
export function isConsoleMethod(node: Node): node is MemberExpression & { property: Identifier } {
  return (
    node.type === 'MemberExpression' &&
    !node.computed &&
    node.object.type === 'Identifier' &&
    node.object.name === 'console' &&
    node.property.type === 'Identifier' &&
    Object.hasOwn(CONSOLE_LEVELS, node.property.name)
  );
}
