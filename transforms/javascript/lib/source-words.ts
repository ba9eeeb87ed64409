import { followedAfterGap } from './code-gaps.js';

/**
 * The pre-filters ask the same few questions of every file: ten modules start by asking whether it
 * mentions `catch`, and nine files in ten do not, so each of them searched the whole text again to
 * learn the same thing. The answers for the text asked about last are kept and shared.
 */
let lastSource: string | undefined;
const answers = new Map<string, boolean>();

/** Whether `source` contains `word` anywhere (comments and strings included): `source.includes(word)`, asked once per file. */
export function sourceHas(source: string, word: string): boolean {
  return remembered(source, word, () => source.includes(word));
}

/**
 * `try` and its block, with only space between them: nearly every try statement. Comments may stand
 * there too, and are checked by a scan that stays linear however the comments are nested or repeated.
 * `<!--` and `-->` start comments too in scripts, where they are allowed; letting them through
 * anywhere only lets more files through.
 */
const TRY_STATEMENT = /\btry\s*\{/;
const TRY_THEN_COMMENT = /\btry\s*(?:\/[/*]|<!--|-->)/;
const TRY_WORD = /\btry/g;
const BLOCK_START = /\{/y;

/**
 * Whether the text may hold a catch clause: the word `catch`, and a try statement (`try` as a word,
 * then its block) for the clause to belong to. Modules that look at catch clauses need no parse of a
 * file without: `catch` alone lets through every file that calls a promise's `.catch(…)`, and `try`
 * alone every file that says `entry` or `retry`. Keywords cannot be spelled with escapes, so their
 * letters are always there.
 */
export function mayHaveCatchClause(source: string): boolean {
  // The key is not a word any module asks about: words have no spaces.
  return remembered(source, 'catch clause', () => sourceHas(source, 'catch') && sourceHas(source, 'try') && hasTryStatement(source));
}

function hasTryStatement(source: string): boolean {
  if (TRY_STATEMENT.test(source)) return true;
  return TRY_THEN_COMMENT.test(source) && followedAfterGap(source, TRY_WORD, BLOCK_START, { htmlComments: true });
}

function remembered(source: string, question: string, answer: () => boolean): boolean {
  // Comparing identical strings is a pointer check; a different text ends the comparison at its first difference.
  if (source !== lastSource) {
    lastSource = source;
    answers.clear();
  }
  let known = answers.get(question);
  if (known === undefined) {
    known = answer();
    answers.set(question, known);
  }
  return known;
}
