import { describe, expect, it } from 'vitest';
import { GENERATED_BLOCK_END as END, GENERATED_BLOCK_START as START } from '../../cli/catalog/runbook-sections.js';
import { locateGeneratedBlock, mergeGeneratedBlock } from '../../cli/generate/runbook-merge.js';

const rendered = `${START}\n# NOT_FOUND: Not Found\n\nFresh facts.\n${END}\n\nStarter text.\n\n## Impact\n\nStarter impact.\n`;

describe('mergeGeneratedBlock', () => {
  it('replaces only the block and keeps every byte around it', () => {
    const current = `Intro the team wrote.\n${START}\n# old\n\nStale facts.\n${END}\n\nOur own text.\n\n## Impact\n\nEveryone.\n`;
    const merged = mergeGeneratedBlock(current, rendered);
    expect(merged).toEqual({
      ok: true,
      blockWasMissing: false,
      content: `Intro the team wrote.\n${START}\n# NOT_FOUND: Not Found\n\nFresh facts.\n${END}\n\nOur own text.\n\n## Impact\n\nEveryone.\n`,
    });
  });

  it('is a no-op on a page whose block is current', () => {
    const merged = mergeGeneratedBlock(rendered, rendered);
    expect(merged).toEqual({ ok: true, blockWasMissing: false, content: rendered });
  });

  it('keeps CRLF line endings, in the block too', () => {
    const current = `${START}\r\nold\r\n${END}\r\n\r\nOurs.\r\n`;
    const merged = mergeGeneratedBlock(current, rendered);
    expect(merged.ok && merged.content).toBe(`${START}\r\n# NOT_FOUND: Not Found\r\n\r\nFresh facts.\r\n${END}\r\n\r\nOurs.\r\n`);
  });

  it('puts a block back at the top (after front matter) when both markers were removed', () => {
    const merged = mergeGeneratedBlock('---\ntitle: Not found\n---\n\nOur page.\n', rendered);
    expect(merged).toEqual({
      ok: true,
      blockWasMissing: true,
      content: `---\ntitle: Not found\n---\n${START}\n# NOT_FOUND: Not Found\n\nFresh facts.\n${END}\n\nOur page.\n`,
    });
  });

  it.each([
    [`${START}\nno end\n`, /0 .*generated:end.* markers/],
    [`no start\n${END}\n`, /0 .*generated:start.* markers/],
    [`${START}\n${END}\n${START}\n${END}\n`, /2 .*start.* and 2 .*end/],
    [`${END}\n${START}\n`, /comes before/],
  ])('refuses to guess when the markers are broken: %j', (current, reason) => {
    const merged = mergeGeneratedBlock(current, rendered);
    expect(merged.ok).toBe(false);
    if (!merged.ok) expect(merged.reason).toMatch(reason);
  });
});

describe('locateGeneratedBlock', () => {
  it('spans from the start marker to the end of the end marker', () => {
    const text = `a${START}b${END}c`;
    expect(locateGeneratedBlock(text)).toEqual({ state: 'found', start: 1, end: text.length - 1 });
  });
});
