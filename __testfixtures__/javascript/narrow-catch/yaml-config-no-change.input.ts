import { readFileSync } from 'node:fs';

declare const YAML: { parse(text: string): unknown };

export function readConfig(file: string): unknown {
  try {
    return YAML.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return {};
  }
}
