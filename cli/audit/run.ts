/**
 * The `audit` engine: the catalog's audit settings, the detection pipeline `migrate` uses (same
 * discovery, pre-filter and single parse) with the audit-only rules added, and a report. No terminal.
 */
import { performance } from 'node:perf_hooks';
import { runDetect, type DetectReport, type DetectedFinding, type MigrateProgress } from '../migrate/run.js';
import { leftAloneSites } from '../migrate/verify/left-alone-file.js';
import { cwdForPaths } from '../migrate/project.js';
import type { Shard } from '../migrate/shard.js';
import type { TransformModule } from '../../transforms/types.js';
import { loadAuditConfig } from './config.js';
import { ownPackageJson } from './own-package.js';
import { AUDIT_REPORT_KIND, AUDIT_REPORT_VERSION, byPosition, scoreOf, summarize, type AuditFinding, type AuditReport } from './report.js';
import { buildRuleSet, type AuditRuleSet } from './rule-set.js';

export interface AuditOptions {
  /** Folder the paths are relative to; the project root is found from it. */
  cwd: string;
  /** Files, folders and globs; none means `cwd`. */
  paths?: string[];
  shard?: Shard;
  /** Patterns in .gitignore syntax, relative to the project root. */
  ignore?: string[];
  /** Files larger than this many bytes are skipped (default 2 MB). */
  maxFileSize?: number;
  onProgress?: (progress: MigrateProgress) => void;
  /** The transforms whose detection is part of the audit; the built-in ones when absent. */
  transforms?: TransformModule[];
}

/** Said when there is no catalog, so a reader knows what "the catalog has a class" refers to. */
export const NO_CATALOG_WARNING = 'no faultline.catalog.json yet: domain-errors findings are judged against the catalog `faultline init` would write';

export async function runAudit(options: AuditOptions): Promise<AuditReport> {
  const started = performance.now();
  // Named paths in another project audit that project, with its catalog's settings.
  const { cwd, paths } = cwdForPaths(options.cwd, options.paths);
  const ruleSet = buildRuleSet(loadAuditConfig(cwd), options.transforms);
  const detected = await runDetect({
    cwd,
    paths,
    shard: options.shard,
    ignore: options.ignore,
    maxFileSize: options.maxFileSize,
    onProgress: options.onProgress,
    available: ruleSet.transforms,
    rules: ruleSet.rules,
    pythonRules: ruleSet.python,
  });
  const leftAlone = leftAloneSites(detected.root, detected.findings);
  return { ...auditReportOf(detected, ruleSet, leftAlone), durationMs: Math.round(performance.now() - started) };
}

/** `leftAlone`: sites a verified migration left alone, with the tests they break; they are shown as info. */
export function auditReportOf(detected: DetectReport, ruleSet: AuditRuleSet, leftAlone = new Map<DetectedFinding, string[]>()): AuditReport {
  const findings: AuditFinding[] = detected.findings.map((found) => {
    const breaks = leftAlone.get(found);
    const finding: AuditFinding = {
      ruleId: found.ruleId,
      severity: breaks ? 'info' : (ruleSet.overrides.get(found.ruleId) ?? found.severity),
      file: found.path,
      line: found.line,
      column: found.column,
      endLine: found.endLine,
      endColumn: found.endColumn,
      message: breaks ? `${found.message} (left alone by migrate --verify: breaks ${breaks.join(', ')})` : found.message,
      fixable: found.fixable,
    };
    if (found.reason !== undefined) finding.reason = found.reason;
    return finding;
  });
  findings.sort(byPosition);
  const { scanned, withFindings, clean, skipped, failed } = detected.files;
  return {
    kind: AUDIT_REPORT_KIND,
    version: AUDIT_REPORT_VERSION,
    tool: { name: 'faultline', version: ownPackageJson().version },
    root: detected.root,
    shards: detected.shards,
    rules: ruleSet.descriptors,
    files: { scanned, withFindings, clean, skipped, failed },
    linesScanned: detected.linesScanned,
    score: scoreOf(findings.length, detected.linesScanned),
    summary: summarize(findings, ruleSet.descriptors),
    findings,
    failed: detected.failed,
    skipped: detected.skipped,
    warnings: detected.defaultCatalog && findings.some((finding) => finding.ruleId === 'domain-errors') ? [NO_CATALOG_WARNING] : [],
    ...(detected.defaultCatalog ? { defaultCatalog: true as const } : {}),
    durationMs: detected.durationMs,
  };
}
