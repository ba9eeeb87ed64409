/**
 * The files this run has written so far, whichever command wrote them: what an interrupted run
 * reports, so the user knows what changed before it stopped.
 */
const written: string[] = [];

/** Called once a file is completely on disk (after its rename). */
export function recordWritten(absolutePath: string): void {
  written.push(absolutePath);
}

export function writtenSoFar(): readonly string[] {
  return written;
}

const LISTED = 3;

/** "nothing was written", or how many files were, naming a few, relative to `cwd`. */
export function writtenNote(relative: (absolutePath: string) => string): string {
  if (written.length === 0) return 'nothing was written';
  const named = written.slice(-LISTED).map(relative).join(', ');
  const more = written.length > LISTED ? ` and ${written.length - LISTED} more` : '';
  const count = written.length === 1 ? '1 file was' : `${written.length} files were`;
  return `${count} written before it stopped (${named}${more}), each completely; nothing else was changed`;
}
