/**
 * What an audit found, in the shape written as JSON, merged across shards, and turned into text and
 * SARIF. Counts and the score are always derived from the findings and lines, never carried over, so
 * a merged report computes them exactly as a whole run would.
 */
import type { FailedFile, SkippedEntry } from '../migrate/report.js';
import type { Shard } from '../migrate/shard.js';
import type { Severity } from '../../transforms/types.js';
import type { RuleDescriptor } from './rule-set.js';

export const AUDIT_REPORT_KIND = 'faultline-audit';
export const AUDIT_REPORT_VERSION = 1;

export interface AuditFinding {
  ruleId: string;
  severity: Severity;
  /** Relative to the project root, `/` separators. */
  file: string;
  /** 1-based, as editors show them; the end is exclusive. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  /** Whether `faultline migrate` fixes this site (with `--transform` when its rule changes behaviour). */
  fixable: boolean;
  /** For a site a transform finds but leaves alone: why. */
  reason?: string;
}

export type SeverityCounts = Record<Severity, number>;

export interface RuleCounts extends SeverityCounts {
  fixable: number;
}

export interface AuditSummary {
  findings: number;
  bySeverity: SeverityCounts;
  /** Rules with at least one finding, in rule order. */
  byRule: Record<string, RuleCounts>;
  /** Sites a plain `faultline migrate` fixes. */
  fixable: number;
  /**
   * Sites fixed only by asking for their transform with `--transform`, since the fix changes
   * behaviour. Absent in reports written before the two counts were told apart.
   */
  fixableOnRequest?: number;
  /** Those transforms, in rule order. */
  onRequest?: string[];
}

export interface AuditFileCounts {
  /** Every candidate file: scanned = withFindings + clean + skipped + failed. */
  scanned: number;
  withFindings: number;
  clean: number;
  skipped: number;
  failed: number;
}

export interface AuditReport {
  kind: typeof AUDIT_REPORT_KIND;
  version: typeof AUDIT_REPORT_VERSION;
  tool: { name: 'faultline'; version: string };
  /** Absolute path of the project root: the catalog's folder, else the repository's top level. */
  root: string;
  /** The shards this report covers: one for a sharded run, several after merging, none for a whole run. */
  shards: Shard[];
  rules: RuleDescriptor[];
  files: AuditFileCounts;
  /** Lines of the files checked (with findings or clean); skipped and unparsable files are not counted. */
  linesScanned: number;
  /** Findings per 1,000 lines scanned, to two decimals. */
  score: number;
  summary: AuditSummary;
  /** Sorted by file, then position. */
  findings: AuditFinding[];
  /** Files that could not be read or parsed, so were not audited. */
  failed: FailedFile[];
  skipped: SkippedEntry[];
  warnings: string[];
  /** Present when the project has no catalog yet: findings were judged against the one `init` would write. */
  defaultCatalog?: true;
  durationMs: number;
}

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export function summarize(findings: readonly AuditFinding[], rules: readonly RuleDescriptor[]): AuditSummary {
  const bySeverity: SeverityCounts = { error: 0, warning: 0, info: 0 };
  const perRule = new Map<string, RuleCounts>();
  const onRequest = new Set(rules.filter((rule) => rule.changesBehaviour === true).map((rule) => rule.id));
  let fixable = 0;
  let fixableOnRequest = 0;
  for (const finding of findings) {
    bySeverity[finding.severity]++;
    let counts = perRule.get(finding.ruleId);
    if (counts === undefined) {
      counts = { error: 0, warning: 0, info: 0, fixable: 0 };
      perRule.set(finding.ruleId, counts);
    }
    counts[finding.severity]++;
    if (finding.fixable) {
      counts.fixable++;
      if (onRequest.has(finding.ruleId)) fixableOnRequest++;
      else fixable++;
    }
  }
  const order = rules.map((rule) => rule.id);
  const ids = [...perRule.keys()].sort((a, b) => rank(order, a) - rank(order, b) || (a < b ? -1 : a > b ? 1 : 0));
  const byRule = Object.fromEntries(ids.map((id) => [id, perRule.get(id) as RuleCounts]));
  const asked = ids.filter((id) => onRequest.has(id) && (perRule.get(id) as RuleCounts).fixable > 0);
  return { findings: findings.length, bySeverity, byRule, fixable, fixableOnRequest, onRequest: asked };
}

function rank(order: readonly string[], id: string): number {
  const index = order.indexOf(id);
  return index === -1 ? order.length : index;
}

/** Findings per 1,000 lines scanned, rounded to two decimals; 0 when nothing was scanned. */
export function scoreOf(findings: number, linesScanned: number): number {
  if (linesScanned <= 0) return 0;
  return Math.round((findings * 1000 * 100) / linesScanned) / 100;
}

export function byPosition(a: AuditFinding, b: AuditFinding): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}
