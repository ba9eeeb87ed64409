/**
 * How the project names its files, for naming runbook pages alike. The linter decides when it
 * checks Markdown file names (unicorn/filename-case, check-file and the like): each way of naming a
 * page is linted, and the ones it accepts are the choice. Otherwise the project's own Markdown
 * files speak, then its source files. Without evidence, pages keep today's `<CODE>.md`.
 */
import path from 'node:path';
import { globSync } from 'tinyglobby';
import type { RunbookNames } from '../catalog/model.js';
import { DEFAULT_RUNBOOK_NAMES, RUNBOOK_NAMES, runbookFileName } from '../catalog/runbook-names.js';
import { NEVER_ENTERED } from '../migrate/discover.js';
import { findGitTopLevel, GitignoreRules } from '../migrate/gitignore.js';
import { fixWithLinter, type ProjectLinter } from './linter.js';

const MAX_FILES = 4000;

/** What the names of a set of files say, when they agree enough to say anything. */
export interface NamingEvidence {
  names: RunbookNames;
  /** Files named that way, and files counted (only names of two words or more count). */
  count: number;
  of: number;
}

/** Names every project has whatever its convention (`CODE_OF_CONDUCT.md`, `PULL_REQUEST_TEMPLATE.md`). */
const CONVENTIONAL_NAMES = new Set(['CODE_OF_CONDUCT', 'PULL_REQUEST_TEMPLATE', 'ISSUE_TEMPLATE', 'SECURITY_POLICY']);

const SHAPES: ReadonlyArray<readonly [RunbookNames, RegExp]> = [
  ['CODE', /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/],
  ['kebab-case', /^[a-z0-9]+(?:-[a-z0-9]+)+$/],
  ['snake_case', /^[a-z0-9]+(?:_[a-z0-9]+)+$/],
  ['camelCase', /^[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)+$/],
  ['PascalCase', /^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+$/],
];

/**
 * The naming of one file, from its name up to the first dot (`user-service.test.ts` is
 * `user-service`); undefined for a single word, which every naming but `CODE` spells alike.
 */
export function namingOf(file: string): RunbookNames | undefined {
  const stem = path.posix.basename(file).split('.')[0] ?? '';
  return SHAPES.find(([, shape]) => shape.test(stem))?.[0];
}

/**
 * The naming most of the files use: at least two of them, and more than half of those whose name
 * has two words or more. Anything less is no convention.
 */
export function namingOfFiles(files: string[], considered: readonly RunbookNames[] = RUNBOOK_NAMES): NamingEvidence | undefined {
  const counts = new Map<RunbookNames, number>();
  let of = 0;
  for (const file of files) {
    const names = namingOf(file);
    if (names === undefined) continue;
    of++;
    if (considered.includes(names)) counts.set(names, (counts.get(names) ?? 0) + 1);
  }
  const [best] = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  if (best === undefined || best[1] < 2 || best[1] * 2 <= of) return undefined;
  return { names: best[0], count: best[1], of };
}

/**
 * The project's own Markdown files: not its dependencies', not what git ignores, not faultline's
 * (kit and runbook folders), and not the names every repository shares.
 */
export function projectMarkdownFiles(root: string, skipDirs: string[]): string[] {
  const found = globSync(['**/*.md', '**/*.mdx'], {
    cwd: root,
    ignore: [...NEVER_ENTERED.map((dir) => `**/${dir}/**`), ...skipDirs.filter((dir) => dir !== '' && dir !== '.').map((dir) => `${dir}/**`)],
    followSymbolicLinks: false,
    dot: false,
  }).sort();
  const rules = new GitignoreRules(findGitTopLevel(root) ?? root);
  const files: string[] = [];
  for (const file of found) {
    if (files.length >= MAX_FILES) break;
    const stem = path.posix.basename(file).split('.')[0] ?? '';
    if (CONVENTIONAL_NAMES.has(stem) || rules.isIgnored(path.join(root, file), false)) continue;
    files.push(file);
  }
  return files;
}

/**
 * Source file names show a file-naming convention only when they are kebab-case or snake_case:
 * camelCase and PascalCase names follow what the file exports (`UserService.ts`, `useAuth.ts`),
 * which says nothing of how a page of prose is named.
 */
const SOURCE_CONVENTIONS: readonly RunbookNames[] = ['kebab-case', 'snake_case'];

/** The naming the project's files show: its Markdown first, then its source files (none for Python, whose module names the language decides). */
export function namingFromProjectFiles(markdown: string[], sources: string[]): { names: RunbookNames; reason: string } | undefined {
  const fromMarkdown = namingOfFiles(markdown);
  if (fromMarkdown) return { names: fromMarkdown.names, reason: `${fromMarkdown.count} of the project's ${fromMarkdown.of} Markdown files with names of several words are named so` };
  const fromSources = namingOfFiles(sources, SOURCE_CONVENTIONS);
  if (fromSources) return { names: fromSources.names, reason: `${fromSources.count} of its ${fromSources.of} source files with names of several words are named so` };
  return undefined;
}

/** The namings of runbook pages the linter accepts, and the rules that refuse `<CODE>.md`. */
export interface LinterNamings {
  names: RunbookNames[];
  rejectedBy: string[];
}

/**
 * The namings of runbook pages the project's ESLint accepts, when it checks the names of Markdown
 * files in the runbook folder: each naming is linted as a page there, and those with the fewest
 * problems win. Undefined when the linter accepts all of them alike (it does not lint Markdown, or
 * does not mind names), is not ESLint, or is not installed.
 */
export async function namingsTheLinterAccepts(root: string, linter: ProjectLinter | null, runbookDir: string): Promise<LinterNamings | undefined> {
  if (linter?.kind !== 'eslint' || !linter.installed) return undefined;
  const problems = new Map<RunbookNames, Array<string | null>>();
  try {
    for (const names of RUNBOOK_NAMES) {
      const file = path.join(root, runbookDir, runbookFileName('NOT_FOUND', names));
      const result = await fixWithLinter(root, linter, '# Not found\n', file);
      problems.set(names, result.remaining.map((problem) => problem.ruleId));
    }
  } catch {
    // A configuration that cannot lint a Markdown page says nothing about its name.
    return undefined;
  }
  const fewest = Math.min(...[...problems.values()].map((found) => found.length));
  const accepted = RUNBOOK_NAMES.filter((names) => problems.get(names)?.length === fewest);
  if (accepted.length === RUNBOOK_NAMES.length) return undefined;
  const acceptedRules = new Set(problems.get(accepted[0]!));
  const rejectedBy = [...new Set(problems.get(DEFAULT_RUNBOOK_NAMES))].filter((rule): rule is string => rule !== null && !acceptedRules.has(rule));
  return { names: accepted, rejectedBy };
}

/** The naming the linter accepts that the project's files agree with, else the first it accepts; the files' naming when the linter has no say. */
export function chooseRunbookNames(accepted: RunbookNames[] | undefined, fromFiles: RunbookNames | undefined): RunbookNames {
  if (accepted === undefined) return fromFiles ?? DEFAULT_RUNBOOK_NAMES;
  if (fromFiles !== undefined && accepted.includes(fromFiles)) return fromFiles;
  return accepted[0] ?? DEFAULT_RUNBOOK_NAMES;
}
