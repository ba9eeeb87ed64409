/**
 * Lint directives that a rewrite makes obsolete. `// eslint-disable-next-line no-empty` excuses an
 * empty block; once the block does something, the directive excuses nothing, and linters that report
 * unused directives (ESLint's `reportUnusedDisableDirectives`, biome's unused suppressions) flag it.
 * A rewrite that ends what a directive excused removes it with the construct, and only then.
 */
import type { Comment, File } from '@babel/types';
import type { TextEdit } from '../../types.js';
import { endOf, startOf } from './range.js';
import { isFirstOnLine, isLastOnLine, lineEndAt, lineStartAt, nextLineStartAt } from './source-style.js';

/** The rules an empty block breaks, by linter. */
export const EMPTY_BLOCK_RULES: ReadonlySet<string> = new Set(['no-empty', 'lint/suspicious/noEmptyBlockStatements', 'eslint(no-empty)']);
/** The rules a catch that only rethrows breaks, by linter. */
export const USELESS_CATCH_RULES: ReadonlySet<string> = new Set(['no-useless-catch', 'lint/complexity/noUselessCatch', 'eslint(no-useless-catch)']);

const ESLINT_LINE = /^(\s*(?:eslint|oxlint)-disable-(?:next-line|line)\s+)([^]*?)(\s+--\s[^]*)?(\s*)$/;
const BIOME = /^\s*biome-ignore\s+([^\s:]+)/;

/** A directive among `comments` that excuses one of `rules`, with what its text would become without them (undefined: remove it). */
interface ObsoleteDirective {
  comment: Comment;
  rewritten?: string;
}

function obsoleteIn(comment: Comment, rules: ReadonlySet<string>): ObsoleteDirective | undefined {
  const value = comment.value;
  const biome = BIOME.exec(value);
  if (biome !== null) return rules.has(biome[1] as string) ? { comment } : undefined;
  const eslint = ESLINT_LINE.exec(value);
  if (eslint === null) return undefined;
  const named = (eslint[2] ?? '').split(',').map((rule) => rule.trim()).filter((rule) => rule !== '');
  // A directive naming no rule silences every rule on the line: what else it silences cannot be known here.
  if (named.length === 0) return undefined;
  const kept = named.filter((rule) => !rules.has(rule));
  if (kept.length === named.length) return undefined;
  if (kept.length === 0) return { comment };
  return { comment, rewritten: `${eslint[1]}${kept.join(', ')}${eslint[3] ?? ''}${eslint[4] ?? ''}` };
}

/**
 * Edits removing the directives that excuse `rules` for a construct: those on the line before
 * `lineOf` (`-next-line`), and those within `[start, end)` or trailing on the line `end` is on
 * (`-line`). Comments inside `skip` are left to the caller, whose edit replaces that range.
 */
export function obsoleteDirectiveEdits(
  ast: File,
  source: string,
  construct: { lineOf: number; start: number; end: number; skip?: { start: number; end: number } },
  rules: ReadonlySet<string>,
): TextEdit[] {
  const lineStart = lineStartAt(source, construct.lineOf);
  const before = lineStart === 0 ? 0 : lineStartAt(source, lineStart - 1);
  const after = lineEndAt(source, construct.end);
  const edits: TextEdit[] = [];
  for (const comment of ast.comments ?? []) {
    const start = startOf(comment);
    if (start < before || start >= after) continue;
    if (construct.skip !== undefined && start >= construct.skip.start && start < construct.skip.end) continue;
    // The line before counts only for a directive about the next line, on a line of its own.
    if (start < lineStart && !(/-next-line|biome-ignore/.test(comment.value) && isFirstOnLine(source, start))) continue;
    if (start >= lineStart && /-next-line/.test(comment.value)) continue;
    const obsolete = obsoleteIn(comment, rules);
    if (obsolete === undefined) continue;
    edits.push(removalOf(obsolete, source));
  }
  return edits;
}

/** The names kept in place, or the comment gone with its line when it stands alone, or with the space before it. */
function removalOf({ comment, rewritten }: ObsoleteDirective, source: string): TextEdit {
  const start = startOf(comment);
  const end = endOf(comment);
  if (rewritten !== undefined) {
    const open = comment.type === 'CommentLine' ? '//' : '/*';
    const close = comment.type === 'CommentLine' ? '' : '*/';
    return { start, end, text: `${open}${rewritten}${close}` };
  }
  if (isFirstOnLine(source, start) && isLastOnLine(source, end)) {
    return { start: lineStartAt(source, start), end: nextLineStartAt(source, end), text: '' };
  }
  let from = start;
  while (from > 0 && (source[from - 1] === ' ' || source[from - 1] === '\t')) from--;
  return { start: from, end, text: '' };
}

/** Whether a comment is a directive about `rules` (nothing to explain to a reader once the construct is gone). */
export function isDirectiveFor(comment: Comment, rules: ReadonlySet<string>): boolean {
  return obsoleteIn(comment, rules) !== undefined && obsoleteIn(comment, rules)?.rewritten === undefined;
}
