/**
 * Which rewrites break the tests, found like `git bisect` over an ordered list: the rewrites are put
 * in order (file by file, sites in file order), and a prefix of that list is a tree with only those
 * rewrites applied. The empty prefix is the untouched tree, which passes; the whole list fails. The
 * shortest failing prefix ends with a rewrite that breaks something in the context of the ones before
 * it: that one is reverted, and the rest is tried again. Each search halves the interval between the
 * longest passing prefix and the shortest failing one, at file boundaries while the interval spans
 * several files, then at sites within the one file left. So each reverted rewrite costs at most
 * ⌈log₂ F⌉ + ⌈log₂ S⌉ + 2 steps (F files, S sites in the largest file), and a migration whose
 * rewrites all pass costs one.
 */

export interface Rewrite {
  /** Index of its file in the order the files are tried. */
  file: number;
}

/** Tries a tree with exactly these rewrites (indices into the list) applied; the new failures it shows, none when it passes. */
export type TryRewrites = (applied: number[]) => Promise<string[]>;

export interface Culprit {
  rewrite: number;
  /** The tests that fail with it and pass without it. */
  breaks: string[];
}

export interface BisectResult {
  culprits: Culprit[];
  /** The rewrites kept: their tree was the last one tried, and it passed (or nothing is kept). */
  kept: number[];
  steps: number;
}

/** The most steps a search over these rewrites takes when it ends up reverting `reverted` of them. */
export function maxSteps(rewrites: readonly Rewrite[], reverted: number): number {
  const sitesPerFile = new Map<number, number>();
  for (const rewrite of rewrites) sitesPerFile.set(rewrite.file, (sitesPerFile.get(rewrite.file) ?? 0) + 1);
  const files = sitesPerFile.size;
  const sites = Math.max(0, ...sitesPerFile.values());
  return 1 + reverted * (log2Ceil(files) + log2Ceil(sites) + 2);
}

export function log2Ceil(count: number): number {
  return count <= 1 ? 0 : Math.ceil(Math.log2(count));
}

/**
 * `failing` is what the whole list showed (its first step, already taken): the search goes on from
 * there. Calls `tryRewrites` once per step.
 */
export async function bisectRewrites(rewrites: readonly Rewrite[], failing: string[], tryRewrites: TryRewrites): Promise<BisectResult> {
  const candidates = rewrites.map((_, index) => index);
  const culprits: Culprit[] = [];
  let steps = 1;
  let passing = 0;
  let failingAt = candidates.length;
  let failures = failing;
  const step = async (length: number): Promise<string[]> => {
    steps++;
    return tryRewrites(candidates.slice(0, length));
  };
  while (failures.length > 0) {
    while (failingAt - passing > 1) {
      const middle = splitPoint(rewrites, candidates, passing, failingAt);
      const found = await step(middle);
      if (found.length > 0) {
        failingAt = middle;
        failures = found;
      } else {
        passing = middle;
      }
    }
    const [culprit] = candidates.splice(failingAt - 1, 1) as [number];
    culprits.push({ rewrite: culprit, breaks: failures });
    // With nothing left, the tree is the untouched one, which passed before anything was applied.
    if (candidates.length === 0) break;
    // Confirms the tree that is left, or starts the next search from the prefix known to pass.
    failingAt = candidates.length;
    failures = await step(failingAt);
    // A tree that passed before fails now: the earlier pass cannot be trusted, start from nothing.
    if (failures.length > 0 && failingAt <= passing) passing = 0;
  }
  return { culprits, kept: candidates, steps };
}

/** A file boundary near the middle of the files between the two prefixes; a site in the middle once they are in one file. */
function splitPoint(rewrites: readonly Rewrite[], candidates: number[], passing: number, failing: number): number {
  const boundaries: number[] = [];
  for (let at = passing + 1; at < failing; at++) {
    if ((rewrites[candidates[at - 1] as number] as Rewrite).file !== (rewrites[candidates[at] as number] as Rewrite).file) boundaries.push(at);
  }
  if (boundaries.length > 0) return boundaries[Math.floor(boundaries.length / 2)] as number;
  return Math.floor((passing + failing) / 2);
}
