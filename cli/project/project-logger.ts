/**
 * A logger the project already has: a module of its own (`src/log.ts`, `lib/logger.js`), a pino,
 * winston or bunyan instance some module exports whatever its name (`export { app, logger }` from
 * the server module), or an object of the project's own with logging methods (`export const log =
 * new Logger()` beside other helpers in `src/util.ts`) that the code calls across files. When there is one, the kit writes
 * through it instead of adding a second, unrelated logger beside it. Found from what the code
 * imports, not from dependencies: a `winston` dependency says nothing about which instance the
 * application logs with.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from '@babel/parser';
import type { ProjectLogger } from '../catalog/model.js';
import { compilerOptionsOf, TSCONFIG_FILE } from '../../transforms/javascript/lib/tsconfig-options.js';
import { isRecord } from './read-json-file.js';

/** A module imported by fewer files than this is a helper of a few, not the project's logger. */
const MIN_IMPORTERS = 3;
const SAMPLE_FILES = 400;
const HEAD_BYTES = 16 * 1024;

// The last segment of a specifier naming a logger module: log, logger, logging, with an extension or /index.
const LOGGER_MODULE = /^(?:log|logger|logging)(?:\.[cm]?[jt]sx?)?$/;
// One quote-delimited specifier after `from`, `import(` or `require(`; no nested quantifiers.
const SPECIFIER = /(?:\bfrom|\bimport\s*\(|\brequire\s*\()\s*(['"])([^'"\n]+)\1/g;
const FIELDS_FIRST = new Set(['pino', 'bunyan']);
const MESSAGE_FIRST = new Set(['winston', 'log4js', 'loglevel', 'signale', 'consola', 'tslog', 'roarr']);
const RESOLVE_EXTENSIONS = ['', '.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs', '.jsx'];

export interface FoundProjectLogger extends ProjectLogger {
  /** How many of the sampled files import it. */
  importers: number;
  /** The logging library it wraps, when it imports one. */
  library?: string;
}

export function findProjectLogger(root: string, files: string[]): FoundProjectLogger | undefined {
  const resolveSpecifier = specifierResolver(root);
  const importers = new Map<string, Set<string>>();
  for (const file of files.slice(0, SAMPLE_FILES)) {
    const text = readHead(path.join(root, file));
    for (const match of text.matchAll(SPECIFIER)) {
      const resolved = resolveSpecifier(path.posix.dirname(file), match[2]!);
      if (resolved === undefined || resolved === file) continue;
      const set = importers.get(resolved) ?? new Set<string>();
      set.add(file);
      importers.set(resolved, set);
    }
  }
  const widelyImported = [...importers.entries()]
    .filter(([, users]) => users.size >= MIN_IMPORTERS)
    .sort((a, b) => b[1].size - a[1].size || (a[0] < b[0] ? -1 : 1));
  // A module named for logging is the project's logger by intent; an instance exported from a
  // module of another name (the server's) is one by use, so the named module wins when both exist.
  const named = widelyImported.filter(([modulePath]) => LOGGER_MODULE.test(moduleName(modulePath)));
  for (const [modulePath, users] of [...named, ...widelyImported.filter((entry) => !named.includes(entry))]) {
    const exports = moduleExports(path.join(root, modulePath));
    if (!exports) continue;
    const usage = new Map<string, LoggingCalls>();
    const callsOf = (name: string): LoggingCalls => usage.get(name) ?? usage.set(name, loggingCallsOf(root, users, name)).get(name)!;
    const exportName =
      exports.instances[0] ??
      (named.some(([p]) => p === modulePath) ? ['logger', 'log', 'default'].find((name) => exports.names.includes(name)) : undefined) ??
      exports.loggers.find((name) => callsOf(name).callers >= MIN_IMPORTERS);
    if (exportName === undefined) continue;
    const library = exports.library;
    const style: ProjectLogger['style'] =
      library !== undefined ? (FIELDS_FIRST.has(library) ? 'fields-first' : 'message-first') : callStyleOf(callsOf(exportName));
    return { path: modulePath, export: exportName, style, importers: users.size, ...(library ? { library } : {}) };
  }
  return undefined;
}

// A call whose first argument is one short word in quotes and which passes more after it: `log.warn("monitor", "slow")`.
const TOPIC_ARGUMENT = /^\s*(['"`])[\w.:/-]{1,40}\1\s*,/;
/** Calls to read before deciding how a logger of the project's own takes its arguments. */
const MIN_TOPIC_CALLS = 3;

interface LoggingCalls {
  /** How many files call its logging methods (`log.error(…)`). */
  callers: number;
  /** How many such calls there are, and how many name a module or topic before the message. */
  calls: number;
  topicFirst: number;
}

/**
 * How `files` call the logging methods of `name`, read in one pass: an object of the project's own
 * with such methods, exported beside other helpers, is its logger only when the code logs through
 * it, and the way the calls pass their arguments is the way the kit must call it.
 */
function loggingCallsOf(root: string, files: Set<string>, name: string): LoggingCalls {
  const usage: LoggingCalls = { callers: 0, calls: 0, topicFirst: 0 };
  if (name === 'default') return usage;
  const call = new RegExp(`\\b${name.replace(/[$]/g, '\\$')}\\s*\\.\\s*(?:${LEVELS.join('|')})\\s*\\(`, 'g');
  for (const file of files) {
    const text = readHead(path.join(root, file));
    let called = false;
    for (const match of text.matchAll(call)) {
      called = true;
      usage.calls++;
      const after = match.index + match[0].length;
      if (TOPIC_ARGUMENT.test(text.slice(after, after + 60))) usage.topicFirst++;
    }
    if (called) usage.callers++;
  }
  return usage;
}

/**
 * How a logger of the project's own is called: `topic-first` when most calls name a module or topic
 * before the message (`log.error("monitor", "check failed:", error)`), so the kit passes its own
 * topic first too instead of putting its message where the topic goes; else `message-first`.
 */
function callStyleOf(usage: LoggingCalls): ProjectLogger['style'] {
  return usage.calls >= MIN_TOPIC_CALLS && usage.topicFirst * 3 >= usage.calls * 2 ? 'topic-first' : 'message-first';
}

/** `log` for `src/log/index.ts` and for `src/log.ts`. */
function moduleName(modulePath: string): string {
  const withoutIndex = modulePath.replace(/\/index\.[cm]?[jt]sx?$/, '');
  return withoutIndex.slice(withoutIndex.lastIndexOf('/') + 1);
}

/**
 * Resolves a specifier to a file of the project: relative ones from the importing file, and
 * aliases from tsconfig `paths` (`@/server` for `src/server.ts`), as the project's compiler does.
 */
function specifierResolver(root: string): (fromDir: string, specifier: string) => string | undefined {
  const aliases = pathAliases(root);
  return (fromDir, specifier) => {
    if (specifier.startsWith('./') || specifier.startsWith('../')) return resolveModule(root, path.posix.join(fromDir, specifier));
    for (const alias of aliases) {
      const rest = alias.wildcard ? (specifier.startsWith(alias.prefix) ? specifier.slice(alias.prefix.length) : undefined) : specifier === alias.prefix ? '' : undefined;
      if (rest === undefined) continue;
      for (const target of alias.targets) {
        const resolved = resolveModule(root, target.replace('*', rest));
        if (resolved !== undefined) return resolved;
      }
    }
    return undefined;
  };
}

interface PathAlias {
  prefix: string;
  wildcard: boolean;
  /** Root-relative posix paths, with `*` where the rest of the specifier goes. */
  targets: string[];
}

function pathAliases(root: string): PathAlias[] {
  const config = path.join(root, TSCONFIG_FILE);
  if (!existsSync(config)) return [];
  const options = compilerOptionsOf(config);
  if (!isRecord(options.paths)) return [];
  const base = typeof options.baseUrl === 'string' ? options.baseUrl : '.';
  return Object.entries(options.paths as Record<string, unknown>).flatMap(([key, value]) => {
    if (!Array.isArray(value)) return [];
    const wildcard = key.endsWith('*');
    const targets = value.filter((v): v is string => typeof v === 'string').map((target) => path.posix.join(base, target));
    return [{ prefix: wildcard ? key.slice(0, -1) : key, wildcard, targets }];
  });
}

function resolveModule(root: string, joined: string): string | undefined {
  const base = path.posix.normalize(joined);
  if (base.startsWith('..') || path.isAbsolute(base)) return undefined;
  // TypeScript sources import `./log.js` for `./log.ts`.
  const stems = /\.[cm]?js$/.test(base) ? [base, base.replace(/\.([cm]?)js$/, '.$1ts')] : [base];
  for (const stem of stems) {
    for (const candidate of [...RESOLVE_EXTENSIONS.map((ext) => stem + ext), ...RESOLVE_EXTENSIONS.slice(1).map((ext) => `${stem}/index${ext}`)]) {
      const absolute = path.join(root, candidate);
      if (existsSync(absolute) && statSync(absolute).isFile() && !/\.d\.[cm]?ts$/.test(candidate)) return candidate;
    }
  }
  return undefined;
}

interface ModuleExports {
  /** Every name the module exports (`default` for a default or `module.exports` export). */
  names: string[];
  /** Exports that hold an instance a logging library created (`pino()`, `winston.createLogger()`). */
  instances: string[];
  /** Exports that hold an object of the module's own with logging methods (`new Logger()` of a class it declares, an object literal). */
  loggers: string[];
  /** The logging library it imports, if any. */
  library?: string;
}

type Program = ReturnType<typeof parse>['program'];
type Statement = Program['body'][number];
type Expression = Extract<Statement, { type: 'ExpressionStatement' }>['expression'];

/** What a module exports, and which of its exports a logging library created; undefined when it cannot be read. */
function moduleExports(file: string): ModuleExports | undefined {
  let program: Program;
  try {
    program = parse(readFileSync(file, 'utf8'), {
      sourceType: 'unambiguous',
      plugins: /\.[cm]?tsx?$/.test(file) ? ['typescript', 'jsx'] : ['jsx'],
      errorRecovery: true,
    }).program;
  } catch {
    return undefined;
  }
  let library: string | undefined;
  // Local names bound to a logging library (its default, namespace or a named factory).
  const libraryBindings = new Map<string, string>();
  // Local names holding an instance the library created.
  const instances = new Set<string>();
  const names: string[] = [];
  const instanceExports: string[] = [];
  // Classes the module declares whose instances log (`class Logger { error() {} info() {} }`), and local names holding one.
  const loggerClasses = new Set<string>();
  for (const statement of program.body) {
    const declaration = statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration' ? statement.declaration : statement;
    if (declaration?.type === 'ClassDeclaration' && declaration.id && hasLoggingMethods(declaration.body.body)) loggerClasses.add(declaration.id.name);
  }
  const ownLoggers = new Set<string>();
  const loggerExports: string[] = [];
  const isOwnLogger = (node: Expression): boolean =>
    (node.type === 'Identifier' && ownLoggers.has(node.name)) ||
    (node.type === 'NewExpression' && node.callee.type === 'Identifier' && loggerClasses.has(node.callee.name)) ||
    (node.type === 'ObjectExpression' && hasLoggingMethods(node.properties));
  const exportAs = (exported: string, value: Expression | null | undefined) => {
    names.push(exported);
    if (value && isInstance(value)) instanceExports.push(exported);
    else if (value && isOwnLogger(value)) loggerExports.push(exported);
  };

  function isInstance(node: Expression): boolean {
    if (node.type === 'Identifier') return instances.has(node.name);
    if (node.type === 'TSAsExpression' || node.type === 'TSSatisfiesExpression' || node.type === 'TSNonNullExpression') return isInstance(node.expression);
    if (node.type !== 'CallExpression' && node.type !== 'NewExpression') return false;
    const callee = node.callee;
    if (callee.type === 'Identifier') return libraryBindings.has(callee.name);
    if (callee.type === 'CallExpression') {
      const required = requiredLibrary(callee);
      library ??= required;
      return required !== undefined;
    }
    if (callee.type === 'MemberExpression') {
      const object = callee.object;
      // `winston.createLogger()`, `pino.default()`, and a child of an instance: `logger.child({ module })`.
      if (object.type === 'Identifier' && libraryBindings.has(object.name)) return true;
      return callee.property.type === 'Identifier' && callee.property.name === 'child' && isInstance(object as Expression);
    }
    return false;
  }

  for (const statement of program.body) {
    if (statement.type === 'ImportDeclaration') {
      const name = knownLibrary(statement.source.value);
      if (name === undefined) continue;
      library ??= name;
      for (const specifier of statement.specifiers) if (statement.importKind !== 'type' && !('importKind' in specifier && specifier.importKind === 'type')) libraryBindings.set(specifier.local.name, name);
      continue;
    }
    const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
    if (declaration?.type === 'VariableDeclaration') {
      for (const declarator of declaration.declarations) {
        const init = declarator.init as Expression | null | undefined;
        const required = init ? requiredLibrary(init) : undefined;
        if (required !== undefined) {
          library ??= required;
          if (declarator.id.type === 'Identifier') libraryBindings.set(declarator.id.name, required);
          if (declarator.id.type === 'ObjectPattern') {
            for (const property of declarator.id.properties) if (property.type === 'ObjectProperty' && property.value.type === 'Identifier') libraryBindings.set(property.value.name, required);
          }
          continue;
        }
        if (declarator.id.type !== 'Identifier') continue;
        if (init && isInstance(init)) instances.add(declarator.id.name);
        else if (init && isOwnLogger(init)) ownLoggers.add(declarator.id.name);
        if (statement.type === 'ExportNamedDeclaration') exportAs(declarator.id.name, init);
      }
      continue;
    }
    if (statement.type === 'ExportNamedDeclaration') {
      if (statement.declaration && 'id' in statement.declaration && statement.declaration.id?.type === 'Identifier') names.push(statement.declaration.id.name);
      for (const specifier of statement.specifiers) {
        if (specifier.type !== 'ExportSpecifier') continue;
        const exported = specifier.exported.type === 'Identifier' ? specifier.exported.name : specifier.exported.value;
        exportAs(exported, statement.source ? null : specifier.local);
      }
      continue;
    }
    if (statement.type === 'ExportDefaultDeclaration') {
      const value = statement.declaration;
      exportAs('default', value.type.endsWith('Declaration') ? null : (value as Expression));
      continue;
    }
    if (statement.type === 'ExpressionStatement' && statement.expression.type === 'AssignmentExpression') {
      const { left: target, right: value } = statement.expression;
      if (target.type !== 'MemberExpression' || target.property.type !== 'Identifier') continue;
      const isModuleExports = target.object.type === 'Identifier' && target.object.name === 'module' && target.property.name === 'exports';
      if (isModuleExports) {
        if (value.type === 'ObjectExpression') {
          const keys: string[] = [];
          for (const property of value.properties) {
            if ((property.type === 'ObjectProperty' || property.type === 'ObjectMethod') && property.key.type === 'Identifier') {
              keys.push(property.key.name);
              exportAs(property.key.name, property.type === 'ObjectProperty' ? (property.value as Expression) : null);
            }
          }
          // An object of logging methods is itself the logger the module exports.
          if (keys.includes('error') && (keys.includes('info') || keys.includes('warn'))) names.push('default');
        } else {
          exportAs('default', value);
        }
      } else if (target.object.type === 'Identifier' && target.object.name === 'exports') {
        exportAs(target.property.name, value);
      } else if (target.object.type === 'MemberExpression' && target.object.object.type === 'Identifier' && target.object.object.name === 'module') {
        exportAs(target.property.name, value);
      }
    }
  }
  // The export the module is named for comes first when it holds several instances.
  const preferred = ['logger', 'log', 'default'];
  instanceExports.sort((a, b) => (preferred.includes(a) ? preferred.indexOf(a) : 9) - (preferred.includes(b) ? preferred.indexOf(b) : 9));
  return { names, instances: [...new Set(instanceExports)], loggers: [...new Set(loggerExports)], ...(library ? { library } : {}) };
}

const LEVELS = ['error', 'warn', 'info', 'debug'];

/** Members that make a logger: `error`, and `warn`, `info` or `debug` beside it, as methods or function-valued properties. */
function hasLoggingMethods(members: ReadonlyArray<{ type: string; key?: unknown; value?: unknown; computed?: boolean }>): boolean {
  const named = new Set<string>();
  for (const member of members) {
    if (member.computed === true || !isRecord(member.key) || member.key.type !== 'Identifier') continue;
    const isMethod = member.type === 'ClassMethod' || member.type === 'ObjectMethod';
    const value = member.value as { type?: string } | null | undefined;
    const isFunctionValue = (member.type === 'ClassProperty' || member.type === 'ObjectProperty') && (value?.type === 'ArrowFunctionExpression' || value?.type === 'FunctionExpression');
    if (isMethod || isFunctionValue) named.add(member.key.name as string);
  }
  return named.has('error') && LEVELS.some((level) => level !== 'error' && named.has(level));
}

/** The logging library a `require('pino')` (or `require('pino')(...)`'s callee) loads. */
function requiredLibrary(node: Expression): string | undefined {
  if (node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'StringLiteral') {
    return knownLibrary(node.arguments[0].value);
  }
  return undefined;
}

function knownLibrary(source: string): string | undefined {
  const name = source.startsWith('@') ? source.split('/').slice(0, 2).join('/') : source.split('/')[0]!;
  return FIELDS_FIRST.has(name) || MESSAGE_FIRST.has(name) ? name : undefined;
}

function readHead(file: string): string {
  try {
    return readFileSync(file, 'utf8').slice(0, HEAD_BYTES);
  } catch {
    return '';
  }
}
