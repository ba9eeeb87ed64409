import type { LintProblem } from '../project/linter.js';

/**
 * Rules the kit breaks on purpose, with the reason a reviewer would accept. No fixer can satisfy
 * them without changing what the kit does, so where the project's linter enables one, the line
 * gets a disable comment that says why, the way a maintainer would write it. Anything else the
 * linter still reports is the kit's to fix, and is shown to the user instead.
 */
const DELIBERATE: Record<string, string> = {
  'n/no-process-exit': 'ending the process after a fatal error is what these handlers are for',
  'node/no-process-exit': 'ending the process after a fatal error is what these handlers are for',
  'no-process-exit': 'ending the process after a fatal error is what these handlers are for',
  'unicorn/no-process-exit': 'ending the process after a fatal error is what these handlers are for',
};

export function isDeliberate(problem: LintProblem): boolean {
  return problem.ruleId !== null && problem.ruleId in DELIBERATE;
}

/** The text with an `eslint-disable-next-line` comment, giving the reason, above each deliberate problem's line. */
export function withDisableComments(text: string, problems: LintProblem[]): string {
  const byLine = new Map<number, string[]>();
  for (const problem of problems.filter(isDeliberate)) {
    const rules = byLine.get(problem.line) ?? [];
    if (!rules.includes(problem.ruleId!)) rules.push(problem.ruleId!);
    byLine.set(problem.line, rules);
  }
  const lines = text.split('\n');
  for (const lineNumber of [...byLine.keys()].sort((a, b) => b - a)) {
    const rules = byLine.get(lineNumber)!;
    const indent = /^[ \t]*/.exec(lines[lineNumber - 1] ?? '')![0];
    lines.splice(lineNumber - 1, 0, `${indent}// eslint-disable-next-line ${rules.join(', ')} -- ${DELIBERATE[rules[0]!]}`);
  }
  return lines.join('\n');
}
