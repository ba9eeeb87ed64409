import { GENERATED_BLOCK_END, GENERATED_BLOCK_START } from '../catalog/runbook-sections.js';

/** Where a page's generated block is: found, absent (both markers gone), or unusable. */
export type GeneratedBlockLocation =
  | { state: 'found'; start: number; end: number }
  | { state: 'absent' }
  | { state: 'broken'; reason: string };

export type BlockMerge =
  | { ok: true; content: string; blockWasMissing: boolean }
  | { ok: false; reason: string };

/** True for pages that are part generated, part written by the team (runbook pages). */
export function hasGeneratedBlock(text: string): boolean {
  return text.includes(GENERATED_BLOCK_START);
}

/**
 * Finds the one block between the start and end markers. Anything else (a marker missing, two
 * of them, the end before the start) is reported rather than guessed at: a wrong guess would
 * overwrite text the team wrote.
 */
export function locateGeneratedBlock(text: string): GeneratedBlockLocation {
  const starts = occurrences(text, GENERATED_BLOCK_START);
  const ends = occurrences(text, GENERATED_BLOCK_END);
  if (starts.length === 0 && ends.length === 0) return { state: 'absent' };
  if (starts.length !== 1 || ends.length !== 1) {
    const problems = [
      starts.length !== 1 ? `${starts.length} ${GENERATED_BLOCK_START} markers` : '',
      ends.length !== 1 ? `${ends.length} ${GENERATED_BLOCK_END} markers` : '',
    ].filter(Boolean);
    return { state: 'broken', reason: `it has ${problems.join(' and ')} (it needs exactly one of each)` };
  }
  if (ends[0] < starts[0]) return { state: 'broken', reason: `its ${GENERATED_BLOCK_END} marker comes before ${GENERATED_BLOCK_START}` };
  return { state: 'found', start: starts[0], end: ends[0] + GENERATED_BLOCK_END.length };
}

/**
 * The current page with its generated block replaced by the freshly rendered one; every byte
 * outside the block is kept. A page whose markers were both removed gets the block back at the
 * top (after front matter), so the page is complete again without losing the team's text.
 */
export function mergeGeneratedBlock(current: string, rendered: string): BlockMerge {
  const source = locateGeneratedBlock(rendered);
  if (source.state !== 'found') throw new Error('internal: a rendered runbook page has no generated block');
  const eol = current.includes('\r\n') ? '\r\n' : '\n';
  const block = rendered.slice(source.start, source.end).replace(/\r?\n/g, eol);

  const target = locateGeneratedBlock(current);
  if (target.state === 'broken') return { ok: false, reason: target.reason };
  if (target.state === 'found') {
    return { ok: true, content: current.slice(0, target.start) + block + current.slice(target.end), blockWasMissing: false };
  }
  const frontMatter = /^---\r?\n[\s\S]*?\r?\n---(\r?\n|$)/.exec(current)?.[0] ?? '';
  const rest = current.slice(frontMatter.length).replace(/^(\r?\n)+/, '');
  return { ok: true, content: `${frontMatter}${block}${eol}${rest.length > 0 ? eol + rest : ''}`, blockWasMissing: true };
}

function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let index = text.indexOf(needle); index !== -1; index = text.indexOf(needle, index + needle.length)) found.push(index);
  return found;
}
