/**
 * `--fail-on error|warning`: when an audit fails a CI job. Findings at or above the level fail it, and
 * so do files that could not be audited, since nothing can be said about them, and a run that audited
 * no file at all (a path with nothing to read is a mistake, not a clean result). Without the flag an
 * audit is a report and never fails. `info` findings never fail a run.
 */
import { UsageError } from '../errors.js';
import type { AuditReport } from './report.js';

export type FailOn = 'error' | 'warning';

export function parseFailOn(text: string): FailOn {
  const level = text.trim().toLowerCase();
  if (level === 'error' || level === 'warning') return level;
  if (level === 'info') throw new UsageError('--fail-on info is not offered: info findings never fail a run — use --fail-on warning or --fail-on error');
  throw new UsageError(`invalid --fail-on ${JSON.stringify(text)} — use error or warning`);
}

/** Whether the report fails the threshold: findings at or above it, files left unaudited, or none audited. */
export function failsThreshold(report: AuditReport, failOn: FailOn): boolean {
  const { error, warning } = report.summary.bySeverity;
  const over = failOn === 'error' ? error : error + warning;
  const audited = report.files.withFindings + report.files.clean;
  return over > 0 || report.files.failed > 0 || audited === 0;
}
