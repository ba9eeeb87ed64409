import type { File, Node } from '@babel/types';
import type { Finding, Severity, TransformMeta } from '../../types.js';
import { lineIndexOf, type LineIndex } from '../../shared/line-index.js';
import { endOf, startOf } from './range.js';

export interface FindingOptions {
  fixable: boolean;
  reason?: string;
  /** Overrides the transform's severity, e.g. for sites reported only for information. */
  severity?: Severity;
}

/**
 * A finding about `node`, positioned as editors show it (1-based line and column). A node from a
 * tree without `loc`s (see detection-parse.ts) gives a finding with line 0, which
 * `withoutSuppressed` positions from the tree's offsets before anything reads it.
 */
export function findingAt(meta: TransformMeta, messageId: string, node: Node, options: FindingOptions): Finding {
  const message = meta.messages[messageId];
  if (message === undefined) throw new Error(`${meta.id} has no message "${messageId}"`);
  const loc = node.loc;
  const finding: Finding = {
    ruleId: meta.id,
    messageId,
    message,
    severity: options.severity ?? meta.severity,
    line: loc === undefined || loc === null ? 0 : loc.start.line,
    column: (loc?.start.column ?? 0) + 1,
    endLine: loc === undefined || loc === null ? 0 : loc.end.line,
    endColumn: (loc?.end.column ?? 0) + 1,
    start: startOf(node),
    end: endOf(node),
    fixable: options.fixable,
  };
  if (options.reason !== undefined) finding.reason = options.reason;
  return finding;
}

function position(finding: Finding, lines: LineIndex): void {
  const start = lines.position(finding.start);
  const end = lines.position(finding.end);
  finding.line = start.line;
  finding.column = start.column + 1;
  finding.endLine = end.line;
  finding.endColumn = end.column + 1;
}

const SUPPRESSION = /faultline-ignore\s+([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)/gi;

/**
 * Drops findings the code opts out of with `// faultline-ignore <id>: reason` (or a block comment)
 * on the finding's first line or the line above it. Several ids can share one comment, separated by
 * commas.
 */
export function withoutSuppressed(findings: Finding[], ast: File, ruleId: string): Finding[] {
  if (findings.length === 0) return findings;
  const lines = lineIndexOf(ast);
  if (lines !== undefined) for (const finding of findings) if (finding.line === 0) position(finding, lines);
  const suppressedLines = new Set<number>();
  for (const comment of ast.comments ?? []) {
    if (!comment.value.includes('faultline-ignore')) continue;
    for (const match of comment.value.matchAll(SUPPRESSION)) {
      const ids = (match[1] ?? '').split(',').map((id) => id.trim().toLowerCase());
      if (!ids.includes(ruleId)) continue;
      const first = comment.loc?.start.line ?? lines?.position(comment.start ?? 0).line ?? 0;
      const last = comment.loc?.end.line ?? lines?.position(comment.end ?? 0).line ?? -1;
      for (let line = first; line <= last; line++) suppressedLines.add(line);
    }
  }
  if (suppressedLines.size === 0) return findings;
  return findings.filter((finding) => !suppressedLines.has(finding.line) && !suppressedLines.has(finding.line - 1));
}
