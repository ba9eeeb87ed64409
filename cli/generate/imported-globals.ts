import type { LintProblem } from '../project/linter.js';

/**
 * Node's globals the kit uses, and the module each comes from. A project whose linter wants them
 * imported (`n/prefer-global/process: never`, as antfu's config sets it) gets the import the
 * rule asks for, in the file's module style; the linter's own import sorting then places it.
 */
const GLOBALS: Record<string, { module: string; esm: string; cjs: string }> = {
  process: { module: 'process', esm: 'import process from', cjs: 'const process = require(' },
  console: { module: 'console', esm: 'import console from', cjs: 'const console = require(' },
  buffer: { module: 'buffer', esm: 'import { Buffer } from', cjs: 'const { Buffer } = require(' },
  url: { module: 'url', esm: 'import { URL } from', cjs: 'const { URL } = require(' },
  'url-search-params': { module: 'url', esm: 'import { URLSearchParams } from', cjs: 'const { URLSearchParams } = require(' },
  'text-decoder': { module: 'util', esm: 'import { TextDecoder } from', cjs: 'const { TextDecoder } = require(' },
  'text-encoder': { module: 'util', esm: 'import { TextEncoder } from', cjs: 'const { TextEncoder } = require(' },
};

const RULE = /^(?:n|node)\/prefer-global\/([a-z-]+)$/;

function wantedImport(problem: LintProblem): string | undefined {
  const global = problem.ruleId === null ? undefined : RULE.exec(problem.ruleId)?.[1];
  // The rule's "always" mode reports the opposite (a require of the module), which the kit never writes.
  return global !== undefined && global in GLOBALS && /^Unexpected use of the global variable/.test(problem.message) ? global : undefined;
}

export function wantsImportedGlobals(problems: LintProblem[]): boolean {
  return problems.some((problem) => wantedImport(problem) !== undefined);
}

/** The text with an import (or require) of each global the linter wants imported, above the file's first import. */
export function withImportedGlobals(text: string, problems: LintProblem[], builtinScheme: boolean): string {
  const wanted = [...new Set(problems.map(wantedImport).filter((name): name is string => name !== undefined))].sort();
  if (wanted.length === 0) return text;
  const lines = text.split('\n');
  const commonJs = !lines.some((line) => /^import\s/.test(line)) && lines.some((line) => /\brequire\(/.test(line));
  const quote = /(['"])(?:\.{1,2}\/|node:)/.exec(text)?.[1] ?? "'";
  const semi = lines.some((line) => /^(?:import\s.*|const .*require\(.*\));$/.test(line)) ? ';' : '';
  const statements = wanted.map((name) => {
    const { module, esm, cjs } = GLOBALS[name]!;
    const specifier = `${quote}${builtinScheme ? 'node:' : ''}${module}${quote}`;
    return commonJs ? `${cjs}${specifier})${semi}` : `${esm} ${specifier}${semi}`;
  });
  let at = lines.findIndex((line) => /^import\s/.test(line) || /^(?:const|let|var)\s.*\brequire\(/.test(line));
  if (at === -1) {
    // No imports: below the header comments and the directive.
    at = 0;
    while (at < lines.length && /^\s*(\/\/.*|['"]use strict['"];?)?\s*$/.test(lines[at]!)) at++;
    statements.push('');
  }
  lines.splice(at, 0, ...statements);
  return lines.join('\n');
}
