/**
 * Detection without fixing, for `audit`: the same pre-filter and single parse as `migrate`, so both
 * commands see the same sites.
 */
import { detectModuleStyle } from '../../transforms/javascript/lib/module-style.js';
import { parseForDetection } from '../../transforms/javascript/lib/detection-parse.js';
import { ParseFailure, parseSource } from '../../transforms/javascript/lib/on-demand-parse.js';
import type { Finding, KitLocation } from '../../transforms/types.js';
import { detectModules, type DetectingModule } from './detect-modules.js';

export type DetectOutcome =
  | { kind: 'findings'; findings: Finding[]; prefiltered: boolean }
  | { kind: 'failed'; line: number | null; column: number | null; message: string };

/** What detection needs of a module: transforms and audit-only rules both qualify. */
export type { DetectingModule };

export function detectSource(args: { source: string; filePath: string; transforms: readonly DetectingModule[]; kit: KitLocation }): DetectOutcome {
  const { source, filePath, kit } = args;
  const candidates = args.transforms.filter((transform) => transform.mightMatch(source));
  if (candidates.length === 0) return { kind: 'findings', findings: [], prefiltered: true };
  let ast;
  try {
    // The built-in modules read offsets and `ast.comments` only, so they can share the faster tree;
    // a module of a project's own gets @babel/parser's tree (without ranges or attached comments).
    ast = candidates.every((module) => module.readsOffsetsOnly === true) ? parseForDetection(source, filePath) : parseSource(source, filePath, { lean: true });
  } catch (error) {
    if (error instanceof ParseFailure) return { kind: 'failed', line: error.line, column: error.column, message: error.message };
    throw error;
  }
  const context = { filePath, source, ast, kit, moduleStyle: detectModuleStyle(ast, filePath) };
  const detected = detectModules(candidates, context);
  if (detected.kind === 'crashed') {
    const { module, error } = detected;
    return { kind: 'failed', line: null, column: null, message: `${module.meta.id} failed in detect: ${(error as Error)?.message ?? String(error)}` };
  }
  const findings: Finding[] = detected.findings.flat();
  // Rule ids are ASCII: comparing code units orders them without loading the locale's collation rules (~6 ms).
  findings.sort((a, b) => a.start - b.start || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
  return { kind: 'findings', findings, prefiltered: false };
}
