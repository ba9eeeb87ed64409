import { describe, expect, it } from 'vitest';
import { WARM_UP_MIN_FILES, warmUpDetection } from '../../cli/migrate/warm-up.js';
import { fixtureKit, fixtureRoot } from './corpus.js';

// A file of its own: the warm-up happens once per process, and vitest gives each test file fresh modules.
describe('warmUpDetection', () => {
  it('skips runs shorter than WARM_UP_MIN_FILES, warms the first longer one, and no later one', () => {
    const args = { root: fixtureRoot, kit: fixtureKit() };
    expect(warmUpDetection({ ...args, fileCount: WARM_UP_MIN_FILES - 1 })).toBe(false);
    expect(warmUpDetection({ ...args, fileCount: WARM_UP_MIN_FILES })).toBe(true);
    expect(warmUpDetection({ ...args, fileCount: WARM_UP_MIN_FILES })).toBe(false);
  });
});
