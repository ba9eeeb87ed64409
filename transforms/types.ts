/**
 * The contract between transforms and the engine that runs them (`faultline migrate` and `faultline audit`).
 *
 * A transform detects its smell on a plain @babel/parser tree (cheap: no recast) and fixes it with
 * text edits at node ranges, so everything it does not touch stays byte-identical. The same module is
 * the audit rule for that smell, so audit and migrate cannot disagree.
 */
import type { File, Node } from '@babel/types';

export type Severity = 'error' | 'warning' | 'info';

export interface TransformMeta {
  /** Kebab-case id; also the docs page (`docs/transforms/<id>.md`) and fixtures folder name. */
  id: string;
  title: string;
  /** One line, shown by `faultline list`. */
  description: string;
  /** True when applying the fix can change what the program does at run time (not just what it logs). */
  changesBehaviour: boolean;
  severity: Severity;
  /** Messages by id, used in findings. */
  messages: Record<string, string>;
  /** Path of the docs page relative to the package root. */
  docs: string;
}

/** One edit to the original source: replace [start, end) with text. Insertions have start === end. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** Something the kit must provide to the file: an import of `name` from the kit's entry point. */
export type KitExport = 'reportError' | 'logger' | 'AppError' | (string & {});

export interface Finding {
  ruleId: string;
  messageId: string;
  message: string;
  severity: Severity;
  /** 1-based line, 1-based column, as editors show them. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Source offsets of the node the finding is about. */
  start: number;
  end: number;
  /** Whether `fix` will change this site. When false, `reason` says why it is left alone. */
  fixable: boolean;
  reason?: string;
}

/** How this file reaches the kit: computed by the engine from the catalog (or by the standalone adapter). */
export interface KitLocation {
  /** Absolute path of the kit's directory (its `index` module lives there). */
  kitDir: string;
  /** `.js` or empty: suffix for relative imports. */
  importSuffix: string;
  /** When set, import the kit by this specifier instead of a relative path. */
  importAlias?: string;
  /** Language of the project's kit: decides e.g. whether type annotations may be emitted. */
  language: 'typescript' | 'javascript';
  /** Catalog classes by name and the domain-error mappings, for transforms that pick a class. */
  errorClasses: string[];
  mappings: Array<{ pattern: string; flags?: string; error: string; disabled?: boolean; expose?: boolean }>;
  /**
   * What kind of project the code belongs to (the catalog's `target.profile`; a service when
   * absent): a `cli`'s console output is its user interface, a `library` has no logger or reporter.
   */
  profile?: 'service' | 'cli' | 'library';
  /** The kit's logger writes through a logger the project already has (the catalog's `target.logger` "project"). */
  projectLogger?: boolean;
  /**
   * The logger the project's code logs through (found from what the code imports and calls) when the
   * catalog does not say the kit writes through it; looked for on first use.
   */
  projectLoggerInCode?: () => { path: string; export: string } | undefined;
  /** The `import/order` settings the project's ESLint applies to this file, when the rule is on. */
  importOrder?: ImportOrderOptions;
  /** A rule of the project's (simple-import-sort, perfectionist's sort-imports) keeps kinds of module in groups a blank line apart. */
  importGroupsApart?: boolean;
}

/** eslint-plugin-import's `import/order` options, as the rule reads them. */
export interface ImportOrderOptions {
  /** Kinds of module in the order they go; a nested list is one rank. Kinds left out share a rank after all of them. */
  groups: Array<string | string[]>;
  pathGroups?: Array<{ pattern: string; group: string; position?: 'before' | 'after'; patternOptions?: Record<string, unknown> }>;
  /** Kinds of import that pathGroups never apply to (`builtin`, `external` and `object` unless set). */
  pathGroupsExcludedImportTypes?: string[];
  /** `ignore` (the default) lets blank lines fall anywhere. */
  newlinesBetween?: 'ignore' | 'always' | 'never' | 'always-and-inside-groups';
  alphabetize?: { order: 'asc' | 'desc'; caseInsensitive: boolean };
}

export interface TransformContext {
  /** Absolute path of the file being transformed. */
  filePath: string;
  source: string;
  ast: File;
  kit: KitLocation;
  /** Module style of this file: 'esm' when it has import/export syntax or is .mjs/.mts, 'cjs' when it uses require or is .cjs/.cts. */
  moduleStyle: 'esm' | 'cjs';
  /** Resolve the local name under which `name` from the kit is available in this file, requesting its import if needed. */
  useKitExport(name: KitExport): string;
}

export interface FixResult {
  edits: TextEdit[];
}

export interface TransformModule {
  meta: TransformMeta;
  /** A cheap test on the raw text; false means the file cannot match and is not parsed for this transform. */
  mightMatch(source: string): boolean;
  /** Findings on the parsed tree; no edits. Also what `audit` reports. */
  detect(ctx: Omit<TransformContext, 'useKitExport'>): Finding[];
  /** Edits for the fixable findings. Edits of one transform never overlap each other. */
  fix(ctx: TransformContext, findings: Finding[]): FixResult;
  /**
   * Optional: `detect` split around a walk of the tree, so the engine walks each tree once for every
   * module instead of once per module (walking is as costly as parsing). Finds exactly what `detect` finds.
   */
  detectShared?(ctx: Omit<TransformContext, 'useKitExport'>): SharedDetection;
  /**
   * Optional: detection reads node types, fields, `start`/`end` offsets and `ast.comments`, never a
   * `loc`, `range` or `extra` (findings made with `findingAt` and passed through `withoutSuppressed`
   * qualify). When every module a file needs says so, the engine parses that file for detection with
   * transforms/javascript/lib/detection-parse.ts, which is faster and builds such a tree; otherwise with
   * @babel/parser's full tree.
   */
  readsOffsetsOnly?: boolean;
}

/** Called for each node of the type it is registered for, with the node's ancestors (nearest last; reused while walking, so copy to keep). */
export type NodeVisitor<T extends Node = Node> = (node: T, ancestors: readonly Node[]) => void;

/** Visitors by node type. */
export type NodeVisitors = { [K in Node['type']]?: NodeVisitor<Extract<Node, { type: K }>> };

/** One module's detection as visitors for a shared walk, then its findings once the walk is over. */
export interface SharedDetection {
  visitors: NodeVisitors;
  findings(): Finding[];
}
