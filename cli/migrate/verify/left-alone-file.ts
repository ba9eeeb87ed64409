/**
 * The sites a verified migration left alone, kept in `faultline.verify.json` at the project root so
 * that the decision outlives the run: `audit` shows them as `info`, with the tests they break, rather
 * than as smells to fix. A site is recognised by its file, its transform and its exact source text,
 * not by its line, so edits elsewhere in the file do not lose it. Commit the file with the migration.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type WriteFileAtomic from 'write-file-atomic';
import { lazyRequire } from '../../lazy-require.js';

const loadWriteFileAtomic = lazyRequire<typeof WriteFileAtomic>('write-file-atomic');

export const LEFT_ALONE_FILE = 'faultline.verify.json';

export interface LeftAloneEntry {
  /** Relative to the project root, `/` separators. */
  path: string;
  transform: string;
  /** Where the site was when it was left alone; for people, matching uses `text`. */
  line: number;
  /** The site's source text, exactly. */
  text: string;
  breaks: string[];
}

interface LeftAloneDocument {
  $comment: string;
  version: 1;
  command: string;
  sites: LeftAloneEntry[];
}

export function readLeftAlone(root: string): LeftAloneEntry[] {
  const file = path.join(root, LEFT_ALONE_FILE);
  if (!existsSync(file)) return [];
  try {
    const document = JSON.parse(readFileSync(file, 'utf8')) as Partial<LeftAloneDocument>;
    return Array.isArray(document.sites) ? document.sites.filter(isEntry) : [];
  } catch {
    // A damaged file only loses the annotations; audit and migrate work as without it.
    return [];
  }
}

/**
 * Records the sites this run left alone. Earlier entries for sites this run tried again are replaced
 * (a site whose tests now pass is forgotten); the others are kept. Writes nothing when there is
 * nothing to record and no file yet.
 */
export function writeLeftAlone(root: string, command: string, tried: ReadonlyArray<Pick<LeftAloneEntry, 'path' | 'transform' | 'text'>>, sites: LeftAloneEntry[]): void {
  const sameSite = (a: Pick<LeftAloneEntry, 'path' | 'transform' | 'text'>, b: Pick<LeftAloneEntry, 'path' | 'transform' | 'text'>): boolean =>
    a.path === b.path && a.transform === b.transform && a.text === b.text;
  const kept = readLeftAlone(root).filter((entry) => !tried.some((site) => sameSite(site, entry)) && !sites.some((site) => sameSite(site, entry)));
  const all = [...kept, ...sites].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line));
  const file = path.join(root, LEFT_ALONE_FILE);
  if (all.length === 0 && !existsSync(file)) return;
  const document: LeftAloneDocument = {
    $comment: 'Written by faultline migrate --verify: rewrites left alone because the project\'s tests fail with them. faultline audit shows these sites as info.',
    version: 1,
    command,
    sites: all,
  };
  loadWriteFileAtomic().sync(file, `${JSON.stringify(document, null, 2)}\n`);
}

export interface SiteInFile {
  path: string;
  ruleId: string;
  start: number;
  end: number;
}

/** The tests each of these sites breaks, for the ones a verified migration left alone; reads only the files concerned. */
export function leftAloneSites<T extends SiteInFile>(root: string, sites: readonly T[]): Map<T, string[]> {
  const found = new Map<T, string[]>();
  const entries = readLeftAlone(root);
  if (entries.length === 0) return found;
  const texts = new Map<string, string | undefined>();
  for (const site of sites) {
    const candidates = entries.filter((entry) => entry.path === site.path && entry.transform === site.ruleId);
    if (candidates.length === 0) continue;
    if (!texts.has(site.path)) texts.set(site.path, readText(path.join(root, site.path)));
    const text = texts.get(site.path)?.slice(site.start, site.end);
    const entry = candidates.find((candidate) => candidate.text === text);
    if (entry) found.set(site, entry.breaks);
  }
  return found;
}

function readText(file: string): string | undefined {
  try {
    const text = readFileSync(file, 'utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return undefined;
  }
}

function isEntry(value: unknown): value is LeftAloneEntry {
  const entry = value as LeftAloneEntry;
  return typeof entry === 'object' && entry !== null && typeof entry.path === 'string' && typeof entry.transform === 'string' && typeof entry.text === 'string' && Array.isArray(entry.breaks);
}

export type LeaveAlone = (transform: string, ordinal: number, finding: { start: number; end: number }) => string | undefined;

/**
 * For `transformSource`: the recorded sites of the file at `absolute`, left alone with the tests they
 * break as the reason; undefined for a file with none, so most files pay nothing.
 */
export function leaveAloneRecorded(entries: readonly LeftAloneEntry[], root: string): (absolute: string, source: string) => LeaveAlone | undefined {
  if (entries.length === 0) return () => undefined;
  return (absolute, source) => {
    const relative = path.relative(root, absolute).split(path.sep).join('/');
    const inFile = entries.filter((entry) => entry.path === relative);
    if (inFile.length === 0) return undefined;
    return (transform, _ordinal, finding) => {
      const text = source.slice(finding.start, finding.end);
      const entry = inFile.find((candidate) => candidate.transform === transform && candidate.text === text);
      return entry ? leftAloneReason(entry.breaks) : undefined;
    };
  };
}

/** How reports give a site left alone because tests break with it: `breaks <test names>`. */
export function leftAloneReason(breaks: readonly string[]): string {
  return `breaks ${breaks.join(', ')}`;
}
