import { OperationError } from '../errors.js';

/**
 * A module uses syntax the TypeScript-to-JavaScript or ESM-to-CommonJS conversion cannot
 * carry over faithfully. The message names the file, the line and the construct, and says
 * what to write instead.
 */
export class ConversionError extends OperationError {
  override name = 'ConversionError';
}
