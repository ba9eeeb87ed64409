import { readFile } from 'node:fs/promises';
import { glob } from 'tinyglobby';

import type { CodeStyle } from '../catalog/model.js';

export type { CodeStyle } from '../catalog/model.js';

/** Enough files to outvote a few generated or vendored ones, few enough to read in milliseconds. */
const SAMPLE_SIZE = 40;
/** A habit needs this many occurrences before it outweighs prettier's default. */
const MIN_EVIDENCE = 2;

const IGNORED = ['**/node_modules/**', '**/dist/**', '**/build/**', '**/out/**', '**/coverage/**', '**/vendor/**', '**/*.d.ts', '**/*.min.js', '**/.*/**'];

/**
 * The style the project's own source files are written in, learned from a sample of them, for
 * projects that have no formatter configuration to read. Each choice is made only when the files
 * show it clearly; where they do not, prettier's default stands. `generated` globs (the kit and
 * its test) are left out, so the kit never votes for its own style.
 */
export async function inferCodeStyle(root: string, generated: string[] = []): Promise<CodeStyle> {
  const files = await glob(['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'], {
    cwd: root,
    ignore: [...IGNORED, ...generated],
    absolute: true,
  });
  // Shortest paths first: a project's own top-level sources before deep fixtures.
  files.sort((a, b) => a.length - b.length || a.localeCompare(b));
  const texts = await Promise.all(files.slice(0, SAMPLE_SIZE).map((file) => readFile(file, 'utf8').catch(() => '')));
  return styleOfSources(texts);
}

/** The style that a set of source texts agree on. Exported for tests. */
export function styleOfSources(texts: string[]): CodeStyle {
  const tally = {
    single: 0, double: 0,
    semi: 0, noSemi: 0,
    tabs: 0, spaces: 0, indentWidths: new Map<number, number>(),
    trailing: 0, noTrailing: 0,
    spaced: 0, tight: 0,
    parens: 0, bare: 0,
  };
  for (const text of texts) {
    const lines = codeLines(text);
    let previousIndent = 0;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      const trimmed = line.trim();
      if (trimmed === '') continue;

      for (const quote of stringQuotes(trimmed)) {
        if (quote === "'") tally.single++;
        else tally.double++;
      }
      // Lines that are whole statements on their own: imports, requires, returns, simple declarations and calls.
      if (/^(import\b.*\bfrom\s*['"][^'"]*['"]|import\s*['"][^'"]*['"]|(const|let|var)\s.*=\s*require\(['"][^'"]*['"]\)|return\b[^{(\[]*[\w'")\]]|(const|let|var)\s+[\w$]+\s*=\s*[\w$.'"]+|(?!(if|for|while|switch|catch|function)\b)[\w$.]+\([^()]*\))\s*(;?)$/.test(trimmed)) {
        if (trimmed.endsWith(';')) tally.semi++;
        else tally.noSemi++;
      }

      const indent = /^[ \t]*/.exec(line)![0];
      if (indent.startsWith('\t')) tally.tabs++;
      else if (indent.length > 0) {
        tally.spaces++;
        const step = indent.length - previousIndent;
        if (step > 0 && step <= 8) tally.indentWidths.set(step, (tally.indentWidths.get(step) ?? 0) + 1);
      }
      if (!indent.startsWith('\t')) previousIndent = indent.length;

      const next = nextNonBlank(lines, i);
      if (next !== undefined && /^[}\])]/.test(next.trim()) && !/[{[(]$/.test(trimmed)) {
        if (trimmed.endsWith(',')) tally.trailing++;
        else if (/[\w'"`)\]}]$/.test(trimmed) && !/^(return|case|default)\b/.test(trimmed) && !trimmed.endsWith(';')) {
          tally.noTrailing++;
        }
      }

      for (const match of trimmed.matchAll(/^(?:import|export)\s+(?:type\s+)?\{(\s?)[^}]*?(\s?)\}/g)) {
        if (match[1] === ' ' && match[2] === ' ') tally.spaced++;
        else if (match[1] === '' && match[2] === '') tally.tight++;
      }
      tally.parens += [...trimmed.matchAll(/\(\s*[A-Za-z_$][\w$]*\s*\)\s*=>/g)].length;
      tally.bare += [...trimmed.matchAll(/(?<![\w$.])[A-Za-z_$][\w$]*\s*=>/g)].length;
    }
  }

  const style: CodeStyle = {};
  const decide = <K extends keyof CodeStyle>(key: K, yes: number, no: number, ifYes: CodeStyle[K], ifNo: CodeStyle[K]) => {
    if (yes + no < MIN_EVIDENCE || yes === no) return;
    style[key] = yes > no ? ifYes : ifNo;
  };
  decide('singleQuote', tally.single, tally.double, true, false);
  decide('semi', tally.semi, tally.noSemi, true, false);
  decide('useTabs', tally.tabs, tally.spaces, true, false);
  if (style.useTabs !== true) {
    const [width] = [...tally.indentWidths.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
    if (width !== undefined && (tally.indentWidths.get(width) ?? 0) >= MIN_EVIDENCE) style.tabWidth = width;
  }
  const trailing = tally.trailing;
  if (trailing + tally.noTrailing >= MIN_EVIDENCE && trailing !== tally.noTrailing) {
    // Between `all` and `es5` only multi-line calls differ, and few files show one: prettier's default stands.
    style.trailingComma = trailing < tally.noTrailing ? 'none' : 'all';
  }
  decide('bracketSpacing', tally.spaced, tally.tight, true, false);
  decide('arrowParens', tally.parens, tally.bare, 'always', 'avoid');
  return style;
}

/** The lines of a source text with comments blanked out, so commented-out code and prose do not vote. */
function codeLines(text: string): string[] {
  const withoutBlockComments = text.replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ''));
  return withoutBlockComments.split(/\r?\n/).map((line) => (/^\s*\/\//.test(line) ? '' : line));
}

/**
 * The quote character of each string literal on a line. Template literals are skipped, and a
 * quote inside another kind of string does not start one.
 */
function stringQuotes(line: string): string[] {
  const quotes: string[] = [];
  let open: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (open !== null) {
      if (char === '\\') i++;
      else if (char === open) open = null;
    } else if (char === '/' && line[i + 1] === '/') {
      break;
    } else if (char === "'" || char === '"' || char === '`') {
      open = char;
      if (char !== '`') quotes.push(char);
    }
  }
  return quotes;
}

function nextNonBlank(lines: string[], index: number): string | undefined {
  for (let i = index + 1; i < lines.length; i++) if (lines[i]!.trim() !== '') return lines[i];
  return undefined;
}
