import type { File, Node } from '@babel/types';
import type { Finding, Severity, TransformMeta } from '../types.js';
import { endOf, startOf } from './range.js';

export interface FindingOptions {
  fixable: boolean;
  reason?: string;
  /** Overrides the transform's severity, e.g. for sites reported only for information. */
  severity?: Severity;
}

/** A finding about `node`, positioned as editors show it (1-based line and column). */
export function findingAt(meta: TransformMeta, messageId: string, node: Node, options: FindingOptions): Finding {
  const message = meta.messages[messageId];
  if (message === undefined) throw new Error(`${meta.id} has no message "${messageId}"`);
  const loc = node.loc;
  const finding: Finding = {
    ruleId: meta.id,
    messageId,
    message,
    severity: options.severity ?? meta.severity,
    line: loc?.start.line ?? 1,
    column: (loc?.start.column ?? 0) + 1,
    endLine: loc?.end.line ?? 1,
    endColumn: (loc?.end.column ?? 0) + 1,
    start: startOf(node),
    end: endOf(node),
    fixable: options.fixable,
  };
  if (options.reason !== undefined) finding.reason = options.reason;
  return finding;
}

const SUPPRESSION = /faultline-ignore\s+([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)/gi;

/**
 * Drops findings the code opts out of with `// faultline-ignore <id>: reason` (or a block comment)
 * on the finding's first line or the line above it. Several ids can share one comment, separated by
 * commas.
 */
export function withoutSuppressed(findings: Finding[], ast: File, ruleId: string): Finding[] {
  if (findings.length === 0) return findings;
  const suppressedLines = new Set<number>();
  for (const comment of ast.comments ?? []) {
    if (!comment.value.includes('faultline-ignore')) continue;
    for (const match of comment.value.matchAll(SUPPRESSION)) {
      const ids = (match[1] ?? '').split(',').map((id) => id.trim().toLowerCase());
      if (!ids.includes(ruleId)) continue;
      for (let line = comment.loc?.start.line ?? 0; line <= (comment.loc?.end.line ?? -1); line++) suppressedLines.add(line);
    }
  }
  if (suppressedLines.size === 0) return findings;
  return findings.filter((finding) => !suppressedLines.has(finding.line) && !suppressedLines.has(finding.line - 1));
}
