import { parseLocatedJson } from '../../../cli/catalog/located-json.js';

/**
 * Parses JSON with comments and trailing commas, as tsconfig.json files are written, with the
 * same parser the catalog and project detection use. Throws SyntaxError like JSON.parse when the
 * text is not valid even so.
 */
export function parseJsonc(text: string): unknown {
  try {
    return parseLocatedJson(text, { allowComments: true, allowTrailingCommas: true }).value;
  } catch (error) {
    throw new SyntaxError(error instanceof Error ? error.message : String(error));
  }
}
