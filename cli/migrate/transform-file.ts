/**
 * Runs the selected transforms over one file's text: parse once, let every transform detect on that
 * one tree, merge their text edits and the kit imports they asked for, and prove the result still
 * parses. Pure: text in, text out; reading and writing files happen elsewhere.
 */
import type { File } from '@babel/types';
import { applyEdits } from '../../transforms/shared/apply-edits.js';
import { createKitImports, type KitImports } from '../../transforms/javascript/lib/kit-imports.js';
import { detectModuleStyle } from '../../transforms/javascript/lib/module-style.js';
import { ParseFailure, parseSource } from '../../transforms/javascript/lib/on-demand-parse.js';
import { lineEndingOf } from '../../transforms/javascript/lib/source-style.js';
import { unusedKitImportEdits } from '../../transforms/javascript/lib/unused-kit-imports.js';
import type { Finding, KitLocation, TextEdit, TransformContext, TransformModule } from '../../transforms/types.js';
import { detectModules } from './detect-modules.js';

/** Two transforms editing the same text cannot both apply at once; the later one retries on the new text, this many passes at most. */
export const MAX_PASSES = 3;

export interface Site {
  transform: string;
  finding: Finding;
  fixed: boolean;
  /** Why a site was left alone; set when `fixed` is false. */
  reason?: string;
}

export type FileOutcome =
  | { kind: 'unchanged'; prefiltered: boolean; sites: Site[] }
  | { kind: 'changed'; text: string; transforms: string[]; sites: Site[] }
  | { kind: 'failed'; line: number | null; column: number | null; message: string };

export interface TransformSourceArgs {
  /** Text without its byte order mark. */
  source: string;
  /** Absolute path: picks the parser and the module style, and anchors relative kit imports. */
  filePath: string;
  transforms: TransformModule[];
  kit: KitLocation;
  /**
   * Why to leave a fixable site alone, or undefined to fix it; every site is fixed when absent. Sites
   * are given by transform id, their place among that transform's fixable findings in the pass that
   * fixes them, and the finding. Lets a caller apply any part of a file's rewrites, kit imports included.
   */
  leaveAlone?: (transform: string, ordinal: number, finding: Finding) => string | undefined;
}

interface Detection {
  transform: TransformModule;
  findings: Finding[];
}

interface FixGroup extends Detection {
  edits: TextEdit[];
}

export function transformSource(args: TransformSourceArgs): FileOutcome {
  const { filePath, kit } = args;
  const candidates = args.transforms.filter((transform) => transform.mightMatch(args.source));
  if (candidates.length === 0) return { kind: 'unchanged', prefiltered: true, sites: [] };

  let text = args.source;
  let ast: File;
  try {
    ast = parseSource(text, filePath);
  } catch (error) {
    if (error instanceof ParseFailure) return { kind: 'failed', line: error.line, column: error.column, message: error.message };
    throw error;
  }

  const eol = lineEndingOf(text);
  const sitesByTransform = new Map<string, Site[]>();
  const fired = new Set<string>();
  /** Local names of the kit imports this run added, in any pass. */
  const addedImports = new Set<string>();
  let pending = candidates;

  for (let pass = 1; pass <= MAX_PASSES && pending.length > 0; pass++) {
    const moduleStyle = detectModuleStyle(ast, filePath);
    const base = { filePath, source: text, ast, kit, moduleStyle };
    const detected = detectModules(pending, base);
    if (detected.kind === 'crashed') return crashed(failureMessage(detected.module, 'detect', detected.error));
    const detections: Detection[] = [];
    for (const [index, transform] of pending.entries()) {
      const findings = withoutUnselected(detected.findings[index] as Finding[], transform.meta.id, args.leaveAlone);
      detections.push({ transform, findings });
      sitesByTransform.set(transform.meta.id, findings.map((finding) => leftAloneSite(transform, finding)));
    }
    const fixable = detections.filter((detection) => detection.findings.some((finding) => finding.fixable));
    if (fixable.length === 0) break;

    const fixed = fixTogether(fixable, base);
    if (typeof fixed === 'string') return crashed(fixed);
    const { accepted, deferred, kitImports } = fixed;
    for (const local of kitImports.added()) addedImports.add(local);
    const edits = [...accepted.flatMap((group) => group.edits), ...kitImports.edits()].map((edit) => withLineEnding(edit, eol));
    try {
      text = applyEdits(text, edits);
    } catch (error) {
      return { kind: 'failed', line: null, column: null, message: `transforms ${accepted.map((g) => g.transform.meta.id).join(', ')} produced conflicting edits (${(error as Error).message}); file left untouched` };
    }
    for (const group of accepted) {
      if (group.edits.length > 0) fired.add(group.transform.meta.id);
      sitesByTransform.set(group.transform.meta.id, group.findings.map((finding) => appliedSite(group, finding)));
    }
    pending = deferred.map((group) => group.transform);
    try {
      ast = parseSource(text, filePath);
    } catch (error) {
      if (!(error instanceof ParseFailure)) throw error;
      const ids = accepted.map((group) => group.transform.meta.id).join(', ');
      return {
        kind: 'failed',
        line: null,
        column: null,
        message: `the code ${ids} produced would not parse (${error.message} at ${error.line}:${error.column} of the result); file left untouched`,
      };
    }
  }

  for (const transform of pending) {
    const sites = sitesByTransform.get(transform.meta.id) ?? [];
    for (const site of sites) {
      if (site.finding.fixable) site.reason = `its fix overlapped other transforms' edits in ${MAX_PASSES} passes; run migrate again`;
    }
  }
  if (text !== args.source) text = withoutUnusedKitImports(text, ast, filePath, kit, addedImports);
  const sites = candidates.flatMap((transform) => sitesByTransform.get(transform.meta.id) ?? []);
  if (text === args.source) return { kind: 'unchanged', prefiltered: false, sites };
  return { kind: 'changed', text, transforms: candidates.map((t) => t.meta.id).filter((id) => fired.has(id)), sites };
}

/**
 * Fixes every transform against one set of kit imports. A transform whose edits overlap an earlier
 * transform's is deferred to the next pass; the others are then fixed again against fresh kit imports,
 * so an import requested only by the deferred transform is not added without the code that uses it.
 */
function fixTogether(
  detections: Detection[],
  base: Omit<TransformContext, 'useKitExport'>,
): { accepted: FixGroup[]; deferred: FixGroup[]; kitImports: KitImports } | string {
  let kitImports = createKitImports(base);
  const groups: FixGroup[] = [];
  for (const detection of detections) {
    const edits = fixOne(detection, base, kitImports);
    if (typeof edits === 'string') return edits;
    groups.push({ ...detection, edits });
  }
  const accepted: FixGroup[] = [];
  const deferred: FixGroup[] = [];
  for (const group of groups) {
    if (accepted.some((other) => overlaps(other.edits, group.edits))) deferred.push(group);
    else accepted.push(group);
  }
  if (deferred.length === 0) return { accepted, deferred, kitImports };
  kitImports = createKitImports(base);
  for (const group of accepted) {
    const edits = fixOne(group, base, kitImports);
    if (typeof edits === 'string') return edits;
    group.edits = edits;
  }
  return { accepted, deferred, kitImports };
}

/** `text` without the kit imports this run added that the final code does not use; as it was if that would not parse. */
function withoutUnusedKitImports(text: string, ast: File, filePath: string, kit: KitLocation, added: ReadonlySet<string>): string {
  const edits = unusedKitImportEdits({ ast, source: text, filePath, kit }, added);
  if (edits.length === 0) return text;
  const cleaned = applyEdits(text, edits);
  try {
    parseSource(cleaned, filePath);
  } catch (error) {
    if (error instanceof ParseFailure) return text;
    throw error;
  }
  return cleaned;
}

function fixOne(detection: Detection, base: Omit<TransformContext, 'useKitExport'>, kitImports: KitImports): TextEdit[] | string {
  const { transform, findings } = detection;
  const context: TransformContext = { ...base, useKitExport: (name) => kitImports.useKitExport(name) };
  const result = runTransformStep(transform, 'fix', () => transform.fix(context, findings));
  return typeof result === 'string' ? result : result.edits;
}

/**
 * Ranges [start, end) overlap when each starts before the other ends. That includes an insertion
 * strictly inside a replaced range, but not one at its boundary, which applies unambiguously.
 */
export function overlaps(a: TextEdit[], b: TextEdit[]): boolean {
  return a.some((x) => b.some((y) => x.start < y.end && y.start < x.end));
}

/** The findings with the fixable ones `leaveAlone` gives a reason for made unfixable, with that reason. */
export function withoutUnselected(findings: Finding[], transform: string, leaveAlone: TransformSourceArgs['leaveAlone']): Finding[] {
  if (leaveAlone === undefined) return findings;
  let ordinal = 0;
  return findings.map((finding) => {
    if (!finding.fixable) return finding;
    const reason = leaveAlone(transform, ordinal++, finding);
    return reason === undefined ? finding : { ...finding, fixable: false, reason };
  });
}

/** New code follows the file's line ending, so a CRLF file stays CRLF throughout. */
function withLineEnding(edit: TextEdit, eol: '\n' | '\r\n'): TextEdit {
  if (eol === '\n' || !edit.text.includes('\n')) return edit;
  return { ...edit, text: edit.text.replace(/\r?\n/g, eol) };
}

function leftAloneSite(transform: TransformModule, finding: Finding): Site {
  return { transform: transform.meta.id, finding, fixed: false, reason: finding.fixable ? 'not fixed' : (finding.reason ?? finding.message) };
}

function appliedSite(group: FixGroup, finding: Finding): Site {
  if (!finding.fixable) return leftAloneSite(group.transform, finding);
  if (group.edits.length === 0) return { transform: group.transform.meta.id, finding, fixed: false, reason: 'the fix made no change' };
  return { transform: group.transform.meta.id, finding, fixed: true };
}

/** A transform that throws is a bug in that transform: the file is reported as failed and the run goes on. */
function runTransformStep<T>(transform: TransformModule, step: 'detect' | 'fix', run: () => T): T | string {
  try {
    return run();
  } catch (error) {
    return failureMessage(transform, step, error);
  }
}

function failureMessage(transform: TransformModule, step: 'detect' | 'fix', error: unknown): string {
  return `${transform.meta.id} failed in ${step}: ${(error as Error)?.message ?? String(error)}; file left untouched`;
}

function crashed(message: string): FileOutcome {
  return { kind: 'failed', line: null, column: null, message };
}
