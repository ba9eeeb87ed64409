import type { RunbookNames } from './model.js';

/** Every way a runbook page can be named, today's `<CODE>.md` first: the order ties are broken in. */
export const RUNBOOK_NAMES: readonly RunbookNames[] = ['CODE', 'kebab-case', 'snake_case', 'camelCase', 'PascalCase'];

/** Catalogs written before the choice was recorded name their pages after the code. */
export const DEFAULT_RUNBOOK_NAMES: RunbookNames = 'CODE';

/**
 * A code's runbook page name without `.md`: `NOT_FOUND` is `NOT_FOUND`, `not-found`, `not_found`,
 * `notFound` or `NotFound`. The kit's problem-details links end in the same name, so the generated
 * handlers spell the same rule (lower-case the code, split at `_`, capitalize the first character of
 * a word, join).
 */
export function runbookPageName(code: string, names: RunbookNames = DEFAULT_RUNBOOK_NAMES): string {
  if (names === 'CODE') return code;
  const words = code.toLowerCase().split('_');
  const capitalized = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
  switch (names) {
    case 'kebab-case':
      return words.join('-');
    case 'snake_case':
      return words.join('_');
    case 'camelCase':
      return words.map((word, index) => (index === 0 ? word : capitalized(word))).join('');
    case 'PascalCase':
      return words.map(capitalized).join('');
  }
}

/** A code's runbook file name, e.g. `NOT_FOUND.md` or `not-found.md`. */
export function runbookFileName(code: string, names: RunbookNames = DEFAULT_RUNBOOK_NAMES): string {
  return `${runbookPageName(code, names)}.md`;
}

/**
 * The code a page's generated block names (its `**Code:**` line), so a page is recognised under any
 * name: renamed by hand, or written before the catalog's naming changed.
 */
export function codeInGeneratedBlock(page: string): string | undefined {
  return /^[-*] +\*\*Code:\*\* +`([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*)`/m.exec(page)?.[1];
}
