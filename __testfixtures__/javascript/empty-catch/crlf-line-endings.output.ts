import { reportError } from '../src/errors/index.js';

declare function parse(text: string): unknown;

export function readConfig(text: string): unknown {
  try {
    return parse(text);
  } catch (error) {
    reportError(error, { operation: 'readConfig' });
  }
  return {};
}
