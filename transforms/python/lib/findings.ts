/**
 * Findings on Python nodes, and the comments that opt a site out: `# faultline-ignore <rule>: why`
 * on the finding's line or the line above, or, on the finding's line, a `# noqa` naming the rule's
 * Ruff code (a bare `# noqa` too) as Ruff reads it, or a `# pylint: disable=` naming the check.
 */
import type { Finding, Severity } from '../../types.js';
import type { PythonContext, PythonRuleMeta } from '../types.js';
import type { PythonNode } from './parser.js';

export interface PythonFindingOptions {
  fixable: boolean;
  reason?: string;
  severity?: Severity;
}

export function pythonFinding(meta: PythonRuleMeta, messageId: string, node: PythonNode, ctx: PythonContext, options: PythonFindingOptions): Finding {
  const message = meta.messages[messageId];
  if (message === undefined) throw new Error(`${meta.id} has no message "${messageId}"`);
  const start = ctx.lines.position(node.startIndex);
  const end = ctx.lines.position(node.endIndex);
  const finding: Finding = {
    ruleId: meta.id,
    messageId,
    message,
    severity: options.severity ?? meta.severity,
    line: start.line,
    column: start.column + 1,
    endLine: end.line,
    endColumn: end.column + 1,
    start: node.startIndex,
    end: node.endIndex,
    fixable: options.fixable,
  };
  if (options.reason !== undefined) finding.reason = options.reason;
  return finding;
}

// These read comment text, not code: a comment's words are the only place a decision is written.
const IGNORE = /faultline-ignore\s+([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)/gi;
const NOQA = /#\s*noqa(?::\s*([A-Z]+[0-9]+(?:[\s,]+[A-Z]+[0-9]+)*))?/gi;
const PYLINT_DISABLE = /pylint:\s*disable\s*=\s*([\w-]+(?:\s*,\s*[\w-]+)*)/gi;

interface Suppressions {
  /** Lines (1-based) where a `faultline-ignore` comment names the rule. */
  ignored: Set<number>;
  /** Lines with a `# noqa` for one of the rule's codes (or a bare one), or a pylint disable naming the rule. */
  noqa: Set<number>;
}

function suppressionsFor(meta: PythonRuleMeta, ctx: PythonContext): Suppressions {
  const result: Suppressions = { ignored: new Set(), noqa: new Set() };
  if (!ctx.source.includes('faultline-ignore') && !ctx.source.includes('noqa') && !ctx.source.includes('pylint')) return result;
  const codes = new Set(meta.equivalents.map((code) => code.toUpperCase()));
  const pylintNames = new Set([...(meta.pylintNames ?? []), ...meta.equivalents].map((name) => name.toLowerCase()));
  for (const comment of ctx.root.descendantsOfType('comment')) {
    if (comment === null) continue;
    const text = comment.text;
    const line = ctx.lines.position(comment.startIndex).line;
    for (const match of text.matchAll(IGNORE)) {
      const ids = (match[1] ?? '').split(',').map((id) => id.trim().toLowerCase());
      if (ids.includes(meta.id)) result.ignored.add(line);
    }
    for (const match of text.matchAll(NOQA)) {
      const listed = match[1];
      if (listed === undefined || listed.split(/[\s,]+/).some((code) => codes.has(code.toUpperCase()))) result.noqa.add(line);
    }
    for (const match of text.matchAll(PYLINT_DISABLE)) {
      if ((match[1] ?? '').split(',').some((name) => pylintNames.has(name.trim().toLowerCase()))) result.noqa.add(line);
    }
  }
  return result;
}

/** `findings` without those the code opts out of. */
export function withoutSuppressedPython(findings: Finding[], meta: PythonRuleMeta, ctx: PythonContext): Finding[] {
  if (findings.length === 0) return findings;
  const { ignored, noqa } = suppressionsFor(meta, ctx);
  if (ignored.size === 0 && noqa.size === 0) return findings;
  return findings.filter((finding) => !ignored.has(finding.line) && !ignored.has(finding.line - 1) && !noqa.has(finding.line));
}
