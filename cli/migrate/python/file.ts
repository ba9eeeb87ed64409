/**
 * The engine's Python path: one file's text through the Python rules, on one tree-sitter parse,
 * with the same outcomes as the JavaScript path (`detect-file.ts`, `transform-file.ts`) so that the
 * run loop, reports and SARIF treat both languages alike. Pure: text in, text or findings out.
 */
import { applyEdits } from '../../../transforms/shared/apply-edits.js';
import { LineIndex } from '../../../transforms/shared/line-index.js';
import { PythonParseFailure, parsePython, parsesAsPython, type PythonTree } from '../../../transforms/python/lib/parser.js';
import { kitModuleSpelling, kitNameAt, type PythonKit } from '../../../transforms/python/lib/kit.js';
import { kitImportEdit } from '../../../transforms/python/lib/kit-imports.js';
import type { PythonContext, PythonRule } from '../../../transforms/python/types.js';
import type { Finding, TextEdit } from '../../../transforms/types.js';
import type { DetectOutcome } from '../detect-file.js';
import { MAX_PASSES, overlaps, withoutUnselected, type FileOutcome, type Site, type TransformSourceArgs } from '../transform-file.js';

/** `.py` files are Python sources; `.pyi` stubs declare types and hold no handlers. */
export function isPythonPath(file: string): boolean {
  return file.toLowerCase().endsWith('.py');
}

type Parsed = { kind: 'parsed'; context: PythonContext } | { kind: 'failed'; line: number | null; column: number | null; message: string };

function parse(source: string, filePath: string, kit: PythonKit | undefined): Parsed {
  let tree: PythonTree;
  try {
    tree = parsePython(source);
  } catch (error) {
    if (error instanceof PythonParseFailure) return { kind: 'failed', line: error.line, column: error.column, message: error.message };
    throw error;
  }
  const context: PythonContext = { filePath, source, tree, root: tree.rootNode, lines: new LineIndex(source) };
  if (kit !== undefined) context.kit = kit;
  return { kind: 'parsed', context };
}

function detectAll(rules: readonly PythonRule[], context: PythonContext): Finding[][] | { rule: PythonRule; error: unknown } {
  const found: Finding[][] = [];
  for (const rule of rules) {
    try {
      found.push(rule.detect(context));
    } catch (error) {
      return { rule, error };
    }
  }
  return found;
}

function failureOf(rule: PythonRule, step: string, error: unknown): string {
  return `${rule.meta.id} failed in ${step}: ${(error as Error)?.message ?? String(error)}; file left untouched`;
}

export function detectPythonSource(args: { source: string; filePath: string; rules: readonly PythonRule[]; kit?: PythonKit }): DetectOutcome {
  const candidates = args.rules.filter((rule) => rule.mightMatch(args.source));
  if (candidates.length === 0) return { kind: 'findings', findings: [], prefiltered: true };
  const parsed = parse(args.source, args.filePath, args.kit);
  if (parsed.kind === 'failed') return parsed;
  try {
    const found = detectAll(candidates, parsed.context);
    if (!Array.isArray(found)) return { kind: 'failed', line: null, column: null, message: failureOf(found.rule, 'detect', found.error) };
    const findings = found.flat();
    findings.sort((a, b) => a.start - b.start || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
    return { kind: 'findings', findings, prefiltered: false };
  } finally {
    parsed.context.tree.delete();
  }
}

/**
 * Detects and fixes, pass by pass as the JavaScript path does: rules whose edits overlap an earlier
 * rule's wait for the next pass, on the new text. The result must parse without error nodes, or the
 * file is reported and left as it was.
 */
export function transformPythonSource(args: { source: string; filePath: string; rules: readonly PythonRule[]; kit?: PythonKit; leaveAlone?: TransformSourceArgs['leaveAlone'] }): FileOutcome {
  const candidates = args.rules.filter((rule) => rule.mightMatch(args.source));
  if (candidates.length === 0) return { kind: 'unchanged', prefiltered: true, sites: [] };
  let text = args.source;
  const sitesByRule = new Map<string, Site[]>();
  const fired = new Set<string>();
  let pending = candidates;
  for (let pass = 1; pass <= MAX_PASSES && pending.length > 0; pass++) {
    const parsed = parse(text, args.filePath, args.kit);
    if (parsed.kind === 'failed') return pass === 1 ? parsed : { kind: 'failed', line: null, column: null, message: `the rewritten code would not parse (${parsed.message}); file left untouched` };
    const { context } = parsed;
    try {
      const found = detectAll(pending, context);
      if (!Array.isArray(found)) return { kind: 'failed', line: null, column: null, message: failureOf(found.rule, 'detect', found.error) };
      const accepted: Array<{ rule: PythonRule; findings: Finding[]; edits: TextEdit[]; kitNames: Set<string> }> = [];
      const deferred: PythonRule[] = [];
      let kitNames = new Set<string>();
      const { kit } = args;
      if (kit !== undefined) {
        context.useKit = (name, scope) => {
          const reach = kitNameAt(kit, args.filePath, context.root, name, scope);
          if (reach?.importNeeded) kitNames.add(name);
          return reach?.local;
        };
      }
      for (const [index, rule] of pending.entries()) {
        const findings = withoutUnselected(found[index] as Finding[], rule.meta.id, args.leaveAlone);
        sitesByRule.set(rule.meta.id, findings.map((finding) => leftAlone(rule, finding)));
        if (rule.fix === undefined || !findings.some((finding) => finding.fixable)) continue;
        let edits: TextEdit[];
        kitNames = new Set();
        try {
          edits = rule.fix(context, findings).edits;
        } catch (error) {
          return { kind: 'failed', line: null, column: null, message: failureOf(rule, 'fix', error) };
        }
        if (accepted.some((other) => overlaps(other.edits, edits))) deferred.push(rule);
        else accepted.push({ rule, findings, edits, kitNames });
      }
      // The kit's names the applied fixes use, imported once for all of them; a fix whose edits the
      // import would touch waits for the next pass.
      const importing = accepted.filter((group) => group.edits.length > 0 && group.kitNames.size > 0);
      if (kit !== undefined && importing.length > 0) {
        const importEdit = (): TextEdit | undefined =>
          kitImportEdit({ source: text, root: context.root, module: kitModuleSpelling(kit, args.filePath, context.root), names: accepted.flatMap((group) => [...group.kitNames]), firstParty: kit.firstParty });
        const first = importEdit();
        for (const group of first === undefined ? [] : accepted.filter((candidate) => overlaps(candidate.edits, [first]))) {
          accepted.splice(accepted.indexOf(group), 1);
          deferred.push(group.rule);
        }
        const edit = importEdit();
        const carrier = accepted.find((group) => group.kitNames.size > 0);
        if (edit !== undefined && carrier !== undefined) carrier.edits = [...carrier.edits, edit];
      }
      if (accepted.length === 0) break;
      text = applyEdits(text, accepted.flatMap((group) => group.edits));
      for (const group of accepted) {
        if (group.edits.length > 0) fired.add(group.rule.meta.id);
        sitesByRule.set(group.rule.meta.id, group.findings.map((finding) => (finding.fixable && group.edits.length > 0 ? { transform: group.rule.meta.id, finding, fixed: true } : leftAlone(group.rule, finding))));
      }
      pending = deferred;
    } finally {
      context.tree.delete();
    }
  }
  for (const rule of pending) for (const site of sitesByRule.get(rule.meta.id) ?? []) if (site.finding.fixable) site.reason = `its fix overlapped other rules' edits in ${MAX_PASSES} passes; run migrate again`;
  const sites = candidates.flatMap((rule) => sitesByRule.get(rule.meta.id) ?? []);
  if (text === args.source) return { kind: 'unchanged', prefiltered: false, sites };
  if (!parsesAsPython(text)) return { kind: 'failed', line: null, column: null, message: `the rewritten code would not parse; file left untouched` };
  return { kind: 'changed', text, transforms: candidates.map((rule) => rule.meta.id).filter((id) => fired.has(id)), sites };
}

function leftAlone(rule: PythonRule, finding: Finding): Site {
  return { transform: rule.meta.id, finding, fixed: false, reason: finding.fixable ? 'not fixed' : (finding.reason ?? finding.message) };
}
