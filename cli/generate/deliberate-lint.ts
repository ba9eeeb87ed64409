import type { LintProblem } from '../project/linter.js';

/**
 * Rules the kit breaks on purpose, with the reason a reviewer would accept. No fixer can satisfy
 * them without changing what the kit does, so where the project's linter enables one, the line
 * gets a disable comment that says why, the way a maintainer would write it. Anything else the
 * linter still reports is the kit's to fix, and is shown to the user instead.
 */
interface Deliberate {
  rules: string[];
  /** Only the problems whose message matches, when the rule also guards names the kit must respect. */
  message?: RegExp;
  reason: string;
}

const PROCESS_EXIT = 'ending the process after a fatal error is what these handlers are for';

const DELIBERATE: Deliberate[] = [
  { rules: ['n/no-process-exit', 'node/no-process-exit', 'no-process-exit', 'unicorn/no-process-exit'], reason: PROCESS_EXIT },
  {
    rules: ['n/no-process-env', 'node/no-process-env', 'no-process-env'],
    reason: 'the logger takes LOG_LEVEL where it is created, before any configuration of the application loads',
  },
  {
    rules: ['@typescript-eslint/naming-convention', 'ts/naming-convention'],
    message: /^Class Method name `toJSON`/,
    reason: 'JSON.stringify calls the method by this name',
  },
  {
    rules: ['@typescript-eslint/no-unused-vars', 'ts/no-unused-vars', 'no-unused-vars'],
    message: /^'_next' is defined but never used/,
    reason: 'Express recognises an error handler by its four parameters',
  },
  {
    // The kit's test logs a snake_case secret key, as payloads from other services carry them, to prove it is redacted.
    rules: ['camelcase'],
    message: /^Identifier 'api_key' is not in camel case/,
    reason: 'a secret key named as other services send it, which the test proves redacted',
  },
  {
    rules: ['unicorn/prefer-event-target'],
    reason: 'stands in for `process`, which is an EventEmitter',
  },
  {
    rules: ['max-classes-per-file'],
    reason: 'the error classes belong together, one for each kind of error',
  },
  {
    // airbnb's restriction of for…of, which names its reason: code compiled for old browsers.
    rules: ['no-restricted-syntax'],
    message: /^iterators\/generators require regenerator-runtime/,
    reason: 'Node runs for…of natively, no regenerator-runtime involved',
  },
  {
    // Every PascalCase variable in the kit holds an error class; `new` on it must read as a constructor call (new-cap).
    rules: ['@typescript-eslint/naming-convention', 'ts/naming-convention'],
    message: /^Variable name `[A-Z][a-z][A-Za-z0-9]*` must match/,
    reason: 'holds a class, named like one for `new`',
  },
];

function deliberateFor(problem: LintProblem): Deliberate | undefined {
  if (problem.ruleId === null) return undefined;
  return DELIBERATE.find((entry) => entry.rules.includes(problem.ruleId!) && (entry.message === undefined || entry.message.test(problem.message)));
}

export function isDeliberate(problem: LintProblem): boolean {
  return deliberateFor(problem) !== undefined;
}

/** The text with an `eslint-disable-next-line` comment, giving the reason, above each deliberate problem's line. */
export function withDisableComments(text: string, problems: LintProblem[]): string {
  const byLine = new Map<number, { rules: string[]; reason: string }>();
  for (const problem of problems) {
    const deliberate = deliberateFor(problem);
    if (!deliberate) continue;
    const line = byLine.get(problem.line) ?? { rules: [], reason: deliberate.reason };
    if (!line.rules.includes(problem.ruleId!)) line.rules.push(problem.ruleId!);
    byLine.set(problem.line, line);
  }
  const lines = text.split('\n');
  for (const lineNumber of [...byLine.keys()].sort((a, b) => b - a)) {
    const { rules, reason } = byLine.get(lineNumber)!;
    const indent = /^[ \t]*/.exec(lines[lineNumber - 1] ?? '')![0];
    lines.splice(lineNumber - 1, 0, `${indent}// eslint-disable-next-line ${rules.join(', ')} -- ${reason}`);
  }
  return lines.join('\n');
}
