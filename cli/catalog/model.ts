/**
 * The catalog: the one file (`faultline.catalog.json`) everything generated is derived from.
 * These types describe it after it has been loaded and validated against
 * `schema/catalog.schema.json`; the schema is the contract users edit against, so the two
 * must change together.
 */

export type Language = 'typescript' | 'javascript' | 'python';
export type ModuleSystem = 'esm' | 'cjs';
/** What relative imports end with: `.js` under NodeNext/Node16 resolution or native ESM. */
/** `.ts` for TypeScript run as it is written (Node's type stripping, `allowImportingTsExtensions`). */
export type ImportSuffix = '.js' | '.ts' | '';
/** `express`, `fastify`, `hono` for JavaScript/TypeScript targets; `fastapi`, `flask` for Python ones. */
export type Framework = 'express' | 'fastify' | 'hono' | 'fastapi' | 'flask' | 'none';
/** `project` writes through a logger the project already has (see `CatalogTarget.projectLogger`). */
export type Logger = 'pino' | 'console' | 'project';

/** A logger module of the project's own, which the kit's logger forwards to instead of logging itself. */
export interface ProjectLogger {
  /** The module's file, relative to the project root with posix separators, e.g. `src/lib/log.ts`. */
  path: string;
  /** The export that holds the logger: `default` or a named export such as `logger`. */
  export: string;
  /**
   * How its methods take fields and a message: `fields-first` is pino's and bunyan's
   * `log.error({ err }, 'msg')`; `message-first` is winston's and console's `log.error('msg', { err })`;
   * `topic-first` is a logger that takes a module or topic name first, `log.error('errors', 'msg', { err })`:
   * the kit passes its folder's name as the topic.
   */
  style: 'fields-first' | 'message-first' | 'topic-first';
}
/** `vitest`, `jest`, `mocha`, `node:test` for JavaScript/TypeScript targets; `pytest`, `unittest` for Python ones. */
export type TestRunner = 'vitest' | 'jest' | 'mocha' | 'node:test' | 'pytest' | 'unittest';
/**
 * What kind of project the kit serves, which decides what it contains and what `migrate` may
 * change: a `service` answers requests (full kit, logs on stdout); a `cli` talks to its user on
 * stdout and stderr (logs go to stderr, console output is left alone); a `library` keeps its
 * public contract (error classes and cause handling, no logger, no handler).
 */
export type Profile = 'service' | 'cli' | 'library';
/**
 * How runbook pages are named: `CODE` is `NOT_FOUND.md`; the others follow a project's file-naming
 * convention (`not-found.md`, `not_found.md`, `notFound.md`, `NotFound.md`).
 */
export type RunbookNames = 'CODE' | 'kebab-case' | 'snake_case' | 'camelCase' | 'PascalCase';
export type Severity = 'fatal' | 'error' | 'warning' | 'info';
/** How loudly `audit` reports a rule; `off` silences it. */
export type AuditLevel = 'off' | 'error' | 'warning' | 'info';

export interface CatalogTarget {
  language: Language;
  moduleSystem: ModuleSystem;
  importSuffix: ImportSuffix;
  /** Where the kit lives, relative to the project root (posix separators). */
  kitDir: string;
  /** Where runbook pages live, relative to the project root (posix separators). */
  runbookDir: string;
  /** Learned by `init` from the project's linter or its own file names; absent means `CODE`. */
  runbookNames?: RunbookNames;
  framework: Framework;
  logger: Logger;
  /** Set when `logger` is `project`. */
  projectLogger?: ProjectLogger;
  testRunner: TestRunner;
  /** Absent in catalogs written before profiles existed, which were all treated as services. */
  profile?: Profile;
  /** Base URL that problem `type` links point to; null means `about:blank`. */
  docsBaseUrl: string | null;
  /** A path alias used instead of relative imports of the kit, e.g. `@/errors`. */
  importAlias?: string;
  /** Where the kit's test file lives when the project's test runner collects it outside `kitDir`, e.g. `test/errors/kit.test.ts`. */
  testFile?: string;
  /**
   * How generated code is formatted in a project without a prettier config: the style `init`
   * learned from the project's own files, kept so that `sync` and `check` format exactly alike
   * however the project's files change later.
   */
  codeStyle?: CodeStyle;
  /**
   * The ECMAScript edition a JavaScript kit is written in, when the project's linter parses or its
   * oldest Node runs nothing newer; absent, the kit uses the modern syntax its templates have.
   */
  ecmaVersion?: 2017 | 2018 | 2019 | 2020 | 2021;
  /**
   * `bare` when the kit names Node's built-in modules without the `node:` scheme (`'assert'`),
   * because the project's test runner predates it (jest before 27); absent, it writes `'node:assert'`.
   */
  builtinSpecifiers?: 'bare';
}

/** Prettier's options for the choices projects disagree on. */
export interface CodeStyle {
  singleQuote?: boolean;
  semi?: boolean;
  useTabs?: boolean;
  tabWidth?: number;
  trailingComma?: 'all' | 'es5' | 'none';
  bracketSpacing?: boolean;
  arrowParens?: 'always' | 'avoid';
}

/** Facts about an error that its runbook page shows next to the generated metadata. */
export interface CatalogRunbookExtra {
  /** Team or rota that responds when this error shows up. */
  owner?: string;
  /** Dashboards, alerts or other pages worth opening first. */
  links?: string[];
}

export interface CatalogErrorEntry {
  /** Full class name, always ending in `Error`, e.g. `NotFoundError`. */
  name: string;
  /** Stable UPPER_SNAKE_CASE code; unique, and never reused once published. */
  code: string;
  /** HTTP status, 400–599. */
  status: number;
  /** Kebab-case family, e.g. `validation`, `auth`, `dependency`. */
  category: string;
  /** Whether trying the same operation again may succeed. */
  retryable: boolean;
  severity: Severity;
  /** Safe to show to users: no internals, identifiers or secrets. */
  message: string;
  /** For operators: what happened and why it usually happens. */
  description: string;
  /** Human title for problem details and docs; derived from the name when absent. */
  title?: string;
  runbook?: CatalogRunbookExtra;
}

/** A `domain-errors` rule: a thrown message matching `pattern` becomes `error`. First match wins. */
export interface CatalogMapping {
  /** Regular expression source, without slashes. */
  pattern: string;
  /** Regular expression flags, e.g. `i`. */
  flags?: string;
  /** Class name of a catalog error. */
  error: string;
  /** A proposal `domain-errors` does not apply until the catalog's owner enables it. */
  disabled?: boolean;
  /** Whether clients may see the thrown message itself; otherwise they see the class's public message. */
  expose?: boolean;
}

export interface CatalogAudit {
  /** Per-rule level, keyed by rule id. */
  rules?: Record<string, AuditLevel>;
  /** A try block with more statements than this is reported as too broad. */
  maxTryStatements?: number;
}

export interface Catalog {
  /** Lets editors find the schema; kept as written. */
  $schema?: string;
  version: 1;
  target: CatalogTarget;
  errors: CatalogErrorEntry[];
  mappings: CatalogMapping[];
  audit?: CatalogAudit;
}
