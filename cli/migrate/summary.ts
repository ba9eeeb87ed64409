/**
 * A migrate report as lines for people. Building the text is separate from printing it, so the
 * command stays a thin shell and the wording can be tested.
 */
import { getTransform } from '../../transforms/javascript/registry.js';
import { getPythonRule } from '../../transforms/python/registry.js';
import type { MigrateReport, SourceLanguage } from './report.js';

export interface Paint {
  bold(text: string): string;
  dim(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  red(text: string): string;
}

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * One line per changed file and, when asked (`--verbose`), per skipped file; the summary counts the
 * skipped ones either way. Failures are printed as errors, see `failureLines`.
 */
export function fileLines(report: MigrateReport, paint: Paint, options: { listSkipped: boolean }): string[] {
  const verb = report.dryRun ? 'would change' : 'changed';
  return [
    ...report.changed.map((file) => `${paint.green(verb.padEnd(12))} ${file.path} ${paint.dim(`(${file.transforms.join(', ')})`)}`),
    ...(options.listSkipped ? report.skipped.map((file) => `${paint.yellow('skipped'.padEnd(12))} ${file.path} ${paint.dim(`(${file.reason})`)}`) : []),
  ];
}

/** `path:line:column: message`, which terminals and editors open at the position. */
export function failureLines(report: MigrateReport): string[] {
  return report.failed.map((file) => {
    const position = file.line === null ? '' : `:${file.line}:${file.column ?? 1}`;
    return `${file.path}${position}: ${file.message}`;
  });
}

/** The reasons shown on a transform's line; `--verbose` lists every site left alone, with its reason. */
const SHOWN_REASONS = 3;

export function summaryLines(report: MigrateReport, paint: Paint, options: { verbose?: boolean } = {}): string[] {
  const files = report.files;
  const parts = [
    `${files.changed} ${report.dryRun ? 'would change' : 'changed'}`,
    `${files.unchanged} unchanged${files.skippedByPrefilter > 0 ? ` (${files.skippedByPrefilter} with nothing to match, not parsed)` : ''}`,
    `${files.skipped} skipped${files.skipped > 0 ? ' (--verbose lists them)' : ''}`,
    files.failed > 0 ? paint.red(`${files.failed} failed`) : `${files.failed} failed`,
  ];
  const read = files.changed + files.unchanged;
  // Files named or found but none read: saying "0 changed" would pass for a clean result.
  const headline = read === 0 ? paint.yellow(`nothing was migrated: no file could be read and transformed (${plural(files.scanned, 'file')} found)`) : '';
  const lines = [...(headline ? [paint.bold(headline)] : []), paint.bold(`${plural(files.scanned, 'file')} scanned: ${parts.join(', ')}`)];
  for (const id of report.transforms) {
    const counts = report.perTransform[id];
    if (counts === undefined) continue;
    // A rule for a language none of the files is written in had nothing to look at.
    if (report.languages !== undefined && !report.languages.includes(languageOf(id))) continue;
    const sorted = Object.entries(counts.reasons).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const shown = options.verbose ? sorted : sorted.slice(0, SHOWN_REASONS);
    const reasons = shown.map(([reason, count]) => `${count}× ${reason}`);
    if (shown.length < sorted.length) reasons.push(`${sorted.length - shown.length} more (--verbose lists them)`);
    const leftAlone = counts.leftAlone > 0 ? `, ${counts.leftAlone} left alone: ${reasons.join('; ')}` : '';
    // Asked for by id, so the user knows; the mark says what callers will notice.
    const behaviour = getTransform(id)?.meta.changesBehaviour === true ? paint.yellow(' (changes behaviour)') : '';
    lines.push(`  ${id}${behaviour}: ${plural(counts.fixed, 'site')} ${report.dryRun ? 'to fix' : 'fixed'}${leftAlone}`);
  }
  const shards = report.shards.length > 0 ? ` (shard${report.shards.length === 1 ? '' : 's'} ${report.shards.map((s) => `${s.index}/${s.count}`).join(', ')})` : '';
  const done = report.dryRun ? 'dry run, nothing written' : 'done';
  lines.push(paint.dim(`${done} in ${(report.durationMs / 1000).toFixed(2)} s${shards}`));
  return lines;
}

function languageOf(id: string): SourceLanguage {
  return getTransform(id) === undefined && getPythonRule(id) !== undefined ? 'python' : 'javascript';
}
