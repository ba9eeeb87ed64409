import { describe, expect, it } from 'vitest';
import { WARM_UP_MIN_FILES, warmUpDetection } from '../../cli/migrate/warm-up.js';
import { fixtureKit, fixtureRoot } from './corpus.js';

// A file of its own: the warm-up happens once per process, and vitest gives each test file fresh modules.
describe('warmUpDetection', () => {
  it('skips runs with fewer than WARM_UP_MIN_FILES JavaScript files, warms the first with more, and no later one', () => {
    const args = { root: fixtureRoot, kit: fixtureKit() };
    const files = (count: number, extension: string): string[] => Array.from({ length: count }, (_, index) => `src/file-${index}${extension}`);
    expect(warmUpDetection({ ...args, files: files(WARM_UP_MIN_FILES - 1, '.js') })).toBe(false);
    // TypeScript is parsed by @babel/parser, which the warm-up does not serve.
    expect(warmUpDetection({ ...args, files: [...files(WARM_UP_MIN_FILES - 1, '.mjs'), ...files(500, '.ts'), ...files(500, '.tsx')] })).toBe(false);
    expect(warmUpDetection({ ...args, files: [...files(WARM_UP_MIN_FILES - 2, '.jsx'), 'a.cjs', 'b.mjs'] })).toBe(true);
    expect(warmUpDetection({ ...args, files: files(WARM_UP_MIN_FILES, '.js') })).toBe(false);
  });
});
