import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { UsageError } from '../errors.js';
import { JsonSyntaxError, parseLocatedJson, type JsonDialect } from '../catalog/located-json.js';

/** tsconfig.json is JSON with comments and trailing commas, as TypeScript itself reads it. */
export const JSONC: JsonDialect = { allowComments: true, allowTrailingCommas: true };

/**
 * Reads a JSON (or JSONC) file of the user's project. A syntax error becomes a one-line
 * UsageError naming the file and position, because detection cannot guess around a broken
 * package.json and the user is the one who can fix it.
 */
export async function readJsonFile(path: string, dialect: JsonDialect = {}): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw unreadable(path, error);
  }
  return parseJsonFile(path, text, dialect);
}

/** `readJsonFile` for callers that cannot wait, such as the tsconfig reader shared with the transforms. */
export function readJsonFileSync(path: string, dialect: JsonDialect = {}): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw unreadable(path, error);
  }
  return parseJsonFile(path, text, dialect);
}

function unreadable(path: string, error: unknown): UsageError {
  return new UsageError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message} — check that it is a readable file`);
}

function parseJsonFile(path: string, text: string, dialect: JsonDialect): unknown {
  try {
    return parseLocatedJson(text, dialect).value;
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    throw new UsageError(`${path}:${error.position.line}:${error.position.column}: ${error.reason} — fix the JSON in this file and run again`);
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
