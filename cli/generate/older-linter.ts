import type { LintProblem } from '../project/linter.js';

/**
 * What a linter older than the Node the kit runs on does not know: globals added since its
 * environment lists were written (`AbortController`), and `typeof` answers added since (`bigint`).
 * Maintainers on such a toolchain declare the global in a `/* global *\/` comment and disable
 * `valid-typeof` on the line, saying why on a line of its own (ESLint before 7 reads anything after
 * the rule names as more rule names). The kit does the same, only where the linter reports it.
 */
export function isOlderLinterGap(problem: LintProblem, text: string): boolean {
  return undeclaredGlobal(problem) !== undefined || newerTypeofAnswer(problem, text) || unknownImportTag(problem);
}

export function withOlderLinterGapsDeclared(text: string, problems: LintProblem[]): string {
  const lines = (problems.some(unknownImportTag) ? withImportTagsAsTypedefs(text) : text).split('\n');
  const typeofLines = [...new Set(problems.filter((problem) => newerTypeofAnswer(problem, text)).map((problem) => problem.line))].sort((a, b) => b - a);
  for (const lineNumber of typeofLines) {
    const indent = /^[ \t]*/.exec(lines[lineNumber - 1] ?? '')![0];
    lines.splice(
      lineNumber - 1,
      0,
      `${indent}// 'bigint' is what typeof answers for a BigInt on every Node the kit runs on; this linter's list predates it.`,
      `${indent}// eslint-disable-next-line valid-typeof`,
    );
  }
  const globals = [...new Set(problems.map(undeclaredGlobal).filter((name): name is string => name !== undefined))].sort();
  if (globals.length > 0) {
    // After the file's opening comments and directive, where a reader looks for what the file assumes.
    let at = 0;
    while (at < lines.length && /^\s*(\/\/.*|['"]use strict['"];?)?\s*$/.test(lines[at]!)) at++;
    lines.splice(at, 0, `/* global ${globals.join(', ')} */`, '');
  }
  return lines.join('\n');
}

/**
 * JSDoc's `@import` tag (TypeScript 5.5) is newer than some JSDoc linters (eslint-plugin-jsdoc
 * before 48), which reject it as an unknown tag. The older spelling, one `@typedef` per type
 * through `import()`, names the same types for every TypeScript and every JSDoc linter.
 */
function unknownImportTag(problem: LintProblem): boolean {
  return problem.ruleId === 'jsdoc/check-tag-names' && /tag name "import"/.test(problem.message);
}

function withImportTagsAsTypedefs(text: string): string {
  return text.replace(/^([ \t]*)\/\*\*\s*@import\s+(.+?)\s+from\s+(['"][^'"]+['"])\s*\*\/[ \t]*$/gm, (whole, indent: string, clause: string, specifier: string) => {
    const named = /^\{(.*)\}$/.exec(clause.trim());
    const namespace = /^\*\s+as\s+([\w$]+)$/.exec(clause.trim());
    let typedefs: string[];
    if (named) {
      typedefs = named[1]!.split(',').map((part) => part.trim()).filter(Boolean).map((part) => {
        const [imported, local = imported] = part.split(/\s+as\s+/) as [string, string?];
        return `/** @typedef {import(${specifier}).${imported}} ${local} */`;
      });
    } else if (namespace) {
      typedefs = [`/** @typedef {import(${specifier})} ${namespace[1]} */`];
    } else if (/^[\w$]+$/.test(clause.trim())) {
      typedefs = [`/** @typedef {import(${specifier}).default} ${clause.trim()} */`];
    } else {
      return whole;
    }
    return typedefs.map((line) => indent + line).join('\n');
  });
}

/** The name in a `no-undef` report, when it is a global of the Node running faultline (and so of the Node the kit needs). */
function undeclaredGlobal(problem: LintProblem): string | undefined {
  if (problem.ruleId !== 'no-undef') return undefined;
  const name = /^'([A-Za-z_$][\w$]*)' is not defined/.exec(problem.message)?.[1];
  return name !== undefined && name in globalThis ? name : undefined;
}

function newerTypeofAnswer(problem: LintProblem, text: string): boolean {
  return problem.ruleId === 'valid-typeof' && /(['"])bigint\1/.test(text.split('\n')[problem.line - 1] ?? '');
}
