/**
 * The contract between Python rules and the engine. A Python rule has the shape of a JavaScript
 * transform (`transforms/types.ts`): metadata, a cheap text pre-filter, detection on one shared
 * tree, and, where a fix is safe, text edits at node ranges. Its tree is tree-sitter's, so the
 * module types differ; findings and edits are the same, so reports, SARIF and merging need nothing
 * new.
 */
import type { Finding, FixResult, TransformMeta } from '../types.js';
import type { LineIndex } from '../shared/line-index.js';
import type { PythonKit } from './lib/kit.js';
import type { PythonNode, PythonTree } from './lib/parser.js';

export interface PythonRuleMeta extends TransformMeta {
  /** The codes Ruff (and pylint, flake8) report the same smell under; an existing `# noqa: <code>` counts as a decision. */
  equivalents: string[];
  /** pylint's names for the smell: a `# pylint: disable=<name>` on the line is a decision too. */
  pylintNames?: string[];
}

export interface PythonContext {
  /** Absolute path of the file. */
  filePath: string;
  source: string;
  tree: PythonTree;
  root: PythonNode;
  lines: LineIndex;
  /** Where the kit is and what the catalog says; absent when the run has no Python kit (a rule whose fix needs it fixes nothing). */
  kit?: PythonKit;
  /**
   * The local name under which the kit's export `name` is reachable in this file, asking the engine
   * to import it when the fix is applied; undefined when the name is taken by something else in
   * `scope` (or the file), so the fix must leave the site alone. Only fixes call it.
   */
  useKit?(name: string, scope: PythonNode): string | undefined;
}

export interface PythonRule {
  meta: PythonRuleMeta;
  /** A cheap test on the raw text; false means the file cannot match. */
  mightMatch(source: string): boolean;
  /** Findings, already without suppressed ones. */
  detect(ctx: PythonContext): Finding[];
  /** Edits for the fixable findings; absent for audit-only rules. */
  fix?(ctx: PythonContext, findings: Finding[]): FixResult;
}
