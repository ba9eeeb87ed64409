import { readFileSync } from 'node:fs';
import { UsageError } from '../errors.js';

/** Reads a JSON report given to `--merge`; `writtenBy` names the command that writes such reports. */
export function readJsonReport<T>(file: string, writtenBy: string): T {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`cannot read report ${file} — check the path`);
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new UsageError(`${file} is not JSON — pass reports written by \`${writtenBy}\``);
  }
}
