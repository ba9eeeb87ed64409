import { describe, expect, it } from 'vitest';
import { detectModuleStyle } from '../../transforms/javascript/lib/module-style.js';
import { parseSource } from '../../transforms/javascript/lib/parse.js';
import type { AuditRule } from '../../transforms/javascript/rules/types.js';
import type { Finding } from '../../transforms/types.js';
import { expectSameFindingsOnDetectionTree } from '../support/detection-parity.js';
import { kitAt } from '../transforms/javascript/run-transform.js';

export interface ValidCase {
  code: string;
  filename?: string;
}

export interface ExpectedFinding {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** A fragment the message must contain (for messages with values filled in). */
  message?: string;
  /** When the rule reports this site at another level than its own. */
  severity?: Finding['severity'];
}

export interface InvalidCase {
  name?: string;
  code: string;
  filename?: string;
  findings: ExpectedFinding[];
}

const PROJECT = '/project';
export const TS_FILE = `${PROJECT}/src/example.ts`;
export const JS_FILE = `${PROJECT}/src/example.js`;

/** Every finding of `rule` in `code`, ignoring its pre-filter (which the tables check separately). */
export function detectAll(rule: AuditRule, code: string, filename: string): Finding[] {
  const ast = parseSource(code, filename);
  return rule.detect({ filePath: filename, source: code, ast, kit: kitAt(PROJECT), moduleStyle: detectModuleStyle(ast, filename) });
}

/**
 * ESLint-style tables for audit-only rules: valid code yields no finding; invalid code yields exactly
 * the findings listed, positions included, none of them fixable. The pre-filter may only skip code
 * that has no finding.
 */
export function auditRuleTester(rule: AuditRule, cases: { valid: Array<string | ValidCase>; invalid: InvalidCase[] }): void {
  const id = rule.meta.id;
  describe(`${id}: valid`, () => {
    const valid = cases.valid.map((item) => (typeof item === 'string' ? { code: item } : item));
    it.each(valid.map((item) => [item.code, item] as const))('%s', (_code, item) => {
      expect(detectAll(rule, item.code, item.filename ?? TS_FILE)).toEqual([]);
      expectSameFindingsOnDetectionTree(rule, item.code, kitAt(PROJECT));
    });
  });

  describe(`${id}: invalid`, () => {
    it.each(cases.invalid.map((item) => [item.name ?? item.code, item] as const))('%s', (_name, item) => {
      const filename = item.filename ?? TS_FILE;
      expect(rule.mightMatch(item.code), 'the pre-filter must let a file with findings through').toBe(true);
      const findings = detectAll(rule, item.code, filename);
      const positions = findings.map((finding, index) => {
        const wanted = item.findings[index];
        return {
          line: finding.line,
          column: finding.column,
          ...(wanted?.endLine === undefined ? {} : { endLine: finding.endLine }),
          ...(wanted?.endColumn === undefined ? {} : { endColumn: finding.endColumn }),
        };
      });
      expect(positions).toEqual(item.findings.map(({ message: _message, severity: _severity, ...position }) => position));
      expectSameFindingsOnDetectionTree(rule, item.code, kitAt(PROJECT));
      for (const [index, finding] of findings.entries()) {
        expect(finding.ruleId).toBe(id);
        expect(finding.fixable).toBe(false);
        expect(finding.severity).toBe(item.findings[index]?.severity ?? rule.meta.severity);
        const fragment = item.findings[index]?.message;
        if (fragment === undefined) expect(finding.message).toBe(rule.meta.messages[finding.messageId]);
        else expect(finding.message).toContain(fragment);
      }
    });
  });
}
