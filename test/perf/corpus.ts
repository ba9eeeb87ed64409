import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadCatalog } from '../../cli/catalog/load.js';
import { kitLocationOf } from '../../cli/migrate/project.js';
import type { KitLocation } from '../../transforms/types.js';
import { SMELLS } from '../audit/projects.js';
import { repoRoot } from '../support/cli.js';

export const fixtureRoot = path.join(repoRoot, '__testfixtures__', 'javascript');

export function fixtureKit(): KitLocation {
  return kitLocationOf(loadCatalog(fixtureRoot).catalog, fixtureRoot);
}

/** Every fixture input and output, and a file with a finding of most audit rules: [absolute path, text]. */
export function fixtureCorpus(): Array<[string, string]> {
  const files: Array<[string, string]> = [[path.join(fixtureRoot, 'src/smells.ts'), SMELLS]];
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(full);
      // Python fixtures are read by the Python rules, not the JavaScript parser.
      else if (/\.(input|output)\.(?:[cm]?[jt]s|[jt]sx)$/.test(entry.name)) files.push([full, readFileSync(full, 'utf8')]);
    }
  };
  visit(fixtureRoot);
  return files;
}
