/**
 * The project's own source files, as evidence for detection: what language it is written in,
 * where its code lives and how its relative imports are spelled. Dependencies, build output and
 * what git ignores are not the project's code; the listing is capped, since a sample decides as
 * well as the whole tree does.
 */
import path from 'node:path';
import { globSync } from 'tinyglobby';
import { NEVER_ENTERED } from '../migrate/discover.js';
import { findGitTopLevel, GitignoreRules } from '../migrate/gitignore.js';

const MAX_FILES = 4000;

export interface SourceFiles {
  /** Relative to the project root, posix, sorted; declaration files excluded. */
  typescript: string[];
  javascript: string[];
}

const TYPESCRIPT = /\.(?:ts|tsx|mts|cts)$/;
const DECLARATION = /\.d\.[mc]?ts$/;

export function listSourceFiles(root: string): SourceFiles {
  const found = globSync(['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'], {
    cwd: root,
    ignore: NEVER_ENTERED.map((dir) => `**/${dir}/**`),
    followSymbolicLinks: false,
    dot: false,
  }).sort();
  const rules = new GitignoreRules(findGitTopLevel(root) ?? root);
  const typescript: string[] = [];
  const javascript: string[] = [];
  for (const file of found) {
    if (typescript.length + javascript.length >= MAX_FILES) break;
    if (DECLARATION.test(file) || rules.isIgnored(path.join(root, file), false)) continue;
    (TYPESCRIPT.test(file) ? typescript : javascript).push(file);
  }
  return { typescript, javascript };
}

/**
 * Tool configuration at the project root (`eslint.config.js`, `.prettierrc.cjs`, `vite.config.ts`…):
 * a TypeScript project often configures its tools in JavaScript and the reverse, so these say
 * nothing about the language of its code.
 */
export function isToolConfig(file: string): boolean {
  return !file.includes('/') && (file.startsWith('.') || /\.config\.[cm]?[jt]s$/.test(file) || /rc\.[cm]?[jt]s$/.test(file));
}
