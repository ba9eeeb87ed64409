import { describe, expect, it } from 'vitest';
import { bisectRewrites, maxSteps, type Rewrite } from '../../cli/migrate/verify/bisect.js';

/** `files[i]` sites in file i, in order. */
function rewritesOf(files: number[]): Rewrite[] {
  return files.flatMap((count, file) => Array.from({ length: count }, () => ({ file })));
}

/** A suite in which each guilty rewrite breaks a test of its own, whatever else is applied. */
function suite(guilty: number[]) {
  const trees: number[][] = [];
  const run = async (applied: number[]): Promise<string[]> => {
    trees.push(applied);
    return applied.filter((index) => guilty.includes(index)).map((index) => `test ${index}`);
  };
  return { run, trees };
}

// A deterministic pseudo-random sequence, so a failure can be replayed.
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('bisecting rewrites', () => {
  it('finds the one guilty site among many files and blames the test it breaks', async () => {
    const rewrites = rewritesOf([3, 5, 2, 8, 1, 4]);
    const { run } = suite([9]);
    const result = await bisectRewrites(rewrites, await run(rewrites.map((_, i) => i)), run);
    expect(result.culprits).toEqual([{ rewrite: 9, breaks: ['test 9'] }]);
    expect(result.kept).toEqual(rewrites.map((_, i) => i).filter((i) => i !== 9));
  });

  it('finds every guilty site, keeps every other one, and ends on a tree that was tried and passed', async () => {
    const next = random(7);
    for (let round = 0; round < 200; round++) {
      const files = Array.from({ length: 1 + Math.floor(next() * 12) }, () => 1 + Math.floor(next() * 9));
      const rewrites = rewritesOf(files);
      const guilty = rewrites.map((_, i) => i).filter(() => next() < 0.08);
      if (guilty.length === 0) continue;
      const { run, trees } = suite(guilty);
      const result = await bisectRewrites(rewrites, await run(rewrites.map((_, i) => i)), run);
      expect(result.culprits.map((c) => c.rewrite).sort((a, b) => a - b)).toEqual(guilty);
      expect(result.kept).toEqual(rewrites.map((_, i) => i).filter((i) => !guilty.includes(i)));
      expect(result.steps).toBe(trees.length);
      expect(result.steps).toBeLessThanOrEqual(maxSteps(rewrites, guilty.length));
      if (result.kept.length > 0) expect(trees.at(-1)).toEqual(result.kept);
    }
  });

  it('blames the site that completes a breaking pair, and keeps its partner', async () => {
    const rewrites = rewritesOf([4, 4]);
    const run = async (applied: number[]): Promise<string[]> => (applied.includes(1) && applied.includes(6) ? ['pair'] : []);
    const result = await bisectRewrites(rewrites, await run(rewrites.map((_, i) => i)), run);
    expect(result.culprits).toEqual([{ rewrite: 6, breaks: ['pair'] }]);
    expect(result.kept).toContain(1);
  });

  it('takes logarithmically many steps: one guilty site among 1,024 in 64 files', async () => {
    const rewrites = rewritesOf(Array.from({ length: 64 }, () => 16));
    const { run, trees } = suite([777]);
    await bisectRewrites(rewrites, await run(rewrites.map((_, i) => i)), run);
    // 6 halvings over files, 4 over the sites of one file, the first and the confirming step.
    expect(trees.length).toBeLessThanOrEqual(12);
  });
});
