import { describe, expect, it } from 'vitest';
import type { Finding, KitLocation, TransformModule } from '../../../transforms/types.js';
import { expectSameFindingsOnDetectionTree } from '../../support/detection-parity.js';
import { kitAt, runTransform } from './run-transform.js';

export interface ValidCase {
  code: string;
  filename?: string;
}

export interface ExpectedFinding {
  messageId: string;
  line: number;
  column: number;
  fixable?: boolean;
  /** A fragment the reason must contain (only for findings left alone). */
  reason?: string;
}

export interface InvalidCase {
  name?: string;
  code: string;
  filename?: string;
  findings: ExpectedFinding[];
  /** The whole file after the fix; omitted when nothing is fixable (the file must then stay as it was). */
  output?: string;
}

export const PROJECT = '/project';
const DEFAULT_FILE = `${PROJECT}/src/example.ts`;

/**
 * ESLint-style tables: valid code yields nothing to fix or warn about (findings for information
 * only, like a catch marked as deliberate, are allowed); invalid code yields exactly the findings
 * listed (positions included), its fix gives `output`, and fixing that output again changes nothing.
 */
export function ruleTester(
  transform: TransformModule,
  cases: { valid: Array<string | ValidCase>; invalid: InvalidCase[] },
  kit: KitLocation = kitAt(PROJECT),
): void {
  describe(`${transform.meta.id}: valid`, () => {
    it.each(cases.valid.map((item) => (typeof item === 'string' ? { code: item } : item)).map((item) => [item.code, item] as const))(
      '%s',
      (_code, item) => {
        const run = runTransform(transform, item.code, item.filename ?? DEFAULT_FILE, kit);
        expect(run.findings.filter((finding) => finding.fixable || finding.severity !== 'info')).toEqual([]);
        expect(run.output).toBe(item.code);
        expectSameFindingsOnDetectionTree(transform, item.code, kit);
      },
    );
  });

  describe(`${transform.meta.id}: invalid`, () => {
    it.each(cases.invalid.map((item) => [item.name ?? item.code, item] as const))('%s', (_name, item) => {
      const filename = item.filename ?? DEFAULT_FILE;
      const run = runTransform(transform, item.code, filename, kit);
      expect(run.findings.map(summary)).toEqual(item.findings.map((finding) => expectedSummary(finding)));
      for (const [index, finding] of run.findings.entries()) {
        const reason = item.findings[index]?.reason;
        if (reason !== undefined) expect(finding.reason).toContain(reason);
        expect(finding.ruleId).toBe(transform.meta.id);
        expect(finding.message).toBe(transform.meta.messages[finding.messageId]);
        expect(item.code.slice(finding.start, finding.end).length).toBeGreaterThan(0);
      }
      expectSameFindingsOnDetectionTree(transform, item.code, kit);
      const expectedOutput = item.output ?? item.code;
      expect(run.output).toBe(expectedOutput);
      const again = runTransform(transform, run.output, filename, kit);
      expect(again.output).toBe(run.output);
      expect(again.findings.filter((finding) => finding.fixable)).toEqual([]);
    });
  });
}

function summary(finding: Finding): ExpectedFinding {
  return { messageId: finding.messageId, line: finding.line, column: finding.column, fixable: finding.fixable };
}

function expectedSummary(finding: ExpectedFinding): ExpectedFinding {
  return { messageId: finding.messageId, line: finding.line, column: finding.column, fixable: finding.fixable ?? true };
}
