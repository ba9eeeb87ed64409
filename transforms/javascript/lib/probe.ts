/**
 * Probes: operations whose failure is one of their expected answers. `fs.stat(file)` failing with
 * ENOENT says "there is no such file", `require.resolve('x')` failing says "x is not installed",
 * `JSON.parse(text)` failing says "this is not JSON". A catch around a probe is how code asks the
 * question, not an error swallowed, so transforms leave it alone, and `narrow-catch` can make it
 * rethrow every failure that is not the expected answer.
 *
 * Best-effort cleanup is read the same way: `fs.unlinkSync(tmp)` failing because the file is already
 * gone, or cannot be removed, leaves nothing to do, and a catch that ignores it has decided so.
 *
 * A guarded block is a probe when every call in it that can fail is a probe, or works on what a
 * probe returned; a promise chain is one when its first call is a probe, or when it turns success
 * and failure into `true` and `false`.
 */
import { builtinModules } from 'node:module';
import type { BlockStatement, CallExpression, CatchClause, File, Node, OptionalCallExpression, TryStatement } from '@babel/types';
import { moduleBindingsOf } from './module-bindings.js';
import { isFunctionNode, walk } from './walk.js';

export type ProbeKind = 'existence' | 'optional-module' | 'parse' | 'predicate' | 'cleanup';

/** How an expected failure is recognised once caught. */
export interface ExpectedFailure {
  /** `error.code` values (`ENOENT`, `MODULE_NOT_FOUND`). */
  codes: string[];
  /** Built-in classes the failure is an instance of (`SyntaxError`). */
  classes: string[];
}

export interface Probe {
  kind: ProbeKind;
  /** The operation as the code names it, for reasons: `fs.stat`, `require.resolve`, `JSON.parse`. */
  operation: string;
  /** Absent for a predicate, whose every failure means "no", and for a parser whose error class is its own. */
  expected?: ExpectedFailure;
  /** The expected failure is the only one the operation can raise (`JSON.parse` of text, `new URL`). */
  onlyFailure?: boolean;
}

const MISSING = ['ENOENT', 'ENOTDIR'];
const DENIED = ['ENOENT', 'ENOTDIR', 'EACCES', 'EPERM'];
const MODULE_MISSING = ['MODULE_NOT_FOUND', 'ERR_MODULE_NOT_FOUND'];

/** File system calls that answer "is it there (and may I)?", with the codes that mean "no". */
const FILE_PROBES: Record<string, string[]> = {
  stat: MISSING,
  lstat: MISSING,
  statSync: MISSING,
  lstatSync: MISSING,
  access: DENIED,
  accessSync: DENIED,
  exists: MISSING,
  existsSync: MISSING,
  pathExists: MISSING,
  pathExistsSync: MISSING,
  realpath: MISSING,
  realpathSync: MISSING,
  readlink: [...MISSING, 'EINVAL'],
  readlinkSync: [...MISSING, 'EINVAL'],
  // Reading a file that may not exist is how optional files (configs, caches, lock files) are read.
  readFile: MISSING,
  readFileSync: MISSING,
  readJson: MISSING,
  readJsonSync: MISSING,
  readdir: MISSING,
  readdirSync: MISSING,
  // Creating a folder that may be there already: EEXIST says "it is" (not with `recursive`, which never says so).
  mkdir: ['EEXIST'],
  mkdirSync: ['EEXIST'],
};

/** Calls that are probes only without an option saying they cannot fail as expected: `mkdir(dir, { recursive: true })`. */
const UNLESS_RECURSIVE = new Set(['mkdir', 'mkdirSync']);

/**
 * File system calls that remove or release something (and `process.kill` of a process that may be
 * gone, below). Their expected failure is not one code: code that ignores a failed cleanup (already
 * removed, still locked on Windows, a descriptor closed twice) ignores all of them, so narrow-catch
 * never narrows such a catch.
 */
const CLEANUPS = new Set(['unlink', 'unlinkSync', 'rm', 'rmSync', 'rmdir', 'rmdirSync', 'remove', 'removeSync', 'close', 'closeSync']);

/** Why a swallowed cleanup is a decision, in the reasons the transforms give for leaving one alone. */
export const CLEANUP_OUTCOME = 'a cleanup that fails (already gone, still in use) leaves nothing to do';

/** Names a file system module goes by; bare calls count only when imported from one of these. */
const FS_MODULES = new Set(['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'fs-extra', 'graceful-fs', 'mz/fs']);
const FS_OBJECT = /^(fs|fsp|fse|fsPromises|fsExtra|promises|gracefulFs|fs[A-Z]\w*|\w*Fs)$/;

/** Parsers that throw on text they cannot read, with the class they throw. */
const PARSERS: Record<string, string> = {
  'JSON.parse': 'SyntaxError',
  'JSON5.parse': 'SyntaxError',
  'new URL': 'TypeError',
  'new RegExp': 'SyntaxError',
  decodeURIComponent: 'URIError',
  decodeURI: 'URIError',
  BigInt: 'SyntaxError',
};

/** Calls on a probe's result, or on a collection, that cannot fail in a way worth reporting. */
const HARMLESS_METHODS = new Set(['isFile', 'isDirectory', 'isSymbolicLink', 'push', 'add', 'set', 'has', 'get', 'toString', 'trim', 'split', 'startsWith', 'endsWith', 'includes']);

/** Longest try block still read as one question; past it, the block does work of its own. */
const MAX_PROBE_STATEMENTS = 8;

/** What a file imports the file system as: names that bind `fs` functions or the module itself. */
export interface ProbeScope {
  fsNames: Set<string>;
}

export function probeScopeOf(ast: File): ProbeScope {
  return { fsNames: new Set(moduleBindingsOf(ast).filter((binding) => FS_MODULES.has(binding.source)).map((binding) => binding.local)) };
}

/** The probe `node` is, once awaits, casts, negations and reads of its result are looked through. */
export function probeCall(node: Node, scope: ProbeScope): Probe | undefined {
  const inner = unwrap(node);
  if (inner.type === 'ImportExpression') return { kind: 'optional-module', operation: 'import()', expected: { codes: MODULE_MISSING, classes: [] } };
  if (inner.type === 'NewExpression') {
    const name = inner.callee.type === 'Identifier' ? `new ${inner.callee.name}` : '';
    const thrown = PARSERS[name];
    return thrown === undefined ? undefined : { kind: 'parse', operation: name, expected: { codes: [], classes: [thrown] }, onlyFailure: true };
  }
  if (inner.type !== 'CallExpression' && inner.type !== 'OptionalCallExpression') return undefined;
  return callProbe(inner, scope);
}

function callProbe(call: CallExpression | OptionalCallExpression, scope: ProbeScope): Probe | undefined {
  const callee = call.callee;
  if (callee.type === 'Import') return { kind: 'optional-module', operation: 'import()', expected: { codes: MODULE_MISSING, classes: [] } };
  const name = calleeName(callee);
  if (name === undefined) return undefined;
  if (name === 'require' || name === 'require.resolve' || name === 'import.meta.resolve' || name.endsWith('.resolve') && name.startsWith('require')) {
    return { kind: 'optional-module', operation: name, expected: { codes: MODULE_MISSING, classes: [] } };
  }
  const thrown = PARSERS[name];
  if (thrown !== undefined) return { kind: 'parse', operation: name, expected: { codes: [], classes: [thrown] }, onlyFailure: true };
  // Signal 0 asks whether the process is there (ESRCH: it is not; EPERM: not one this user may signal); any other signal stops a process that may be gone already.
  if (name === 'process.kill') {
    const signal = call.arguments[1];
    return signal?.type === 'NumericLiteral' && signal.value === 0 ? { kind: 'existence', operation: name, expected: { codes: ['ESRCH', 'EPERM'], classes: [] } } : { kind: 'cleanup', operation: name };
  }
  // YAML and TOML parsers throw classes of their own (YAMLException, YAMLParseError …).
  if (/^(YAML|yaml|toml|TOML)\.parse$/.test(name)) return { kind: 'parse', operation: name };

  const parts = name.split('.');
  const method = parts[parts.length - 1] as string;
  const codes = Object.hasOwn(FILE_PROBES, method) ? FILE_PROBES[method] : undefined;
  const cleanup = CLEANUPS.has(method);
  if (codes === undefined && !cleanup) return undefined;
  const isFs = parts.length === 1 ? scope.fsNames.has(method) : parts.slice(0, -1).some((part) => scope.fsNames.has(part) || FS_OBJECT.test(part));
  if (!isFs) return undefined;
  if (codes === undefined) return { kind: 'cleanup', operation: name };
  if (UNLESS_RECURSIVE.has(method) && call.arguments.some(isRecursiveOption)) return undefined;
  return { kind: 'existence', operation: name, expected: { codes, classes: [] } };
}

/** `{ recursive: true }` (or `{ recursive }`, whose value is not known, read the same way). */
function isRecursiveOption(argument: Node): boolean {
  if (argument.type !== 'ObjectExpression') return false;
  return argument.properties.some(
    (property) =>
      property.type === 'SpreadElement' ||
      (property.type === 'ObjectProperty' && !property.computed && property.key.type === 'Identifier' && property.key.name === 'recursive' && !(property.value.type === 'BooleanLiteral' && !property.value.value)),
  );
}

/** `a.b.c` for a callee made of plain names (`import.meta.resolve` included), else undefined. */
function calleeName(node: Node): string | undefined {
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'MetaProperty') return `${node.meta.name}.${node.property.name}`;
  if ((node.type === 'MemberExpression' || node.type === 'OptionalMemberExpression') && !node.computed && node.property.type === 'Identifier') {
    const object = calleeName(node.object);
    return object === undefined ? undefined : `${object}.${node.property.name}`;
  }
  return undefined;
}

function unwrap(node: Node): Node {
  let current = node;
  for (;;) {
    if (current.type === 'AwaitExpression' || current.type === 'TSAsExpression' || current.type === 'TSNonNullExpression' || current.type === 'ParenthesizedExpression') {
      current = current.type === 'AwaitExpression' ? current.argument : current.expression;
    } else if (current.type === 'UnaryExpression' && (current.operator === '!' || current.operator === 'void')) {
      current = current.argument;
    } else {
      return current;
    }
  }
}

/**
 * The probe a try block asks, when it does nothing else: at most a few statements, at least one
 * probe, and no other call that can fail (calls on a probe's result and on collections are fine).
 */
export function guardedProbe(block: BlockStatement, scope: ProbeScope): Probe | undefined {
  if (block.body.length === 0 || block.body.length > MAX_PROBE_STATEMENTS) return undefined;
  const probes: Probe[] = [];
  const probeResults = new Set<string>();
  let other = false;
  walk(block, (node) => {
    if (other) return false;
    if (isFunctionNode(node)) return false;
    // Values read from a probe's answer are part of the answer: `const [name, version] = pkg.packageManager.split('@')`.
    if (node.type === 'VariableDeclarator' && node.init != null && (probeCall(node.init, scope) || rootOf(node.init, probeResults))) {
      for (const name of boundNames(node.id)) probeResults.add(name);
    }
    if (node.type === 'AssignmentExpression' && node.left.type === 'Identifier' && (probeCall(node.right, scope) || rootOf(node.right, probeResults))) probeResults.add(node.left.name);
    if (node.type !== 'CallExpression' && node.type !== 'OptionalCallExpression' && node.type !== 'NewExpression' && node.type !== 'ImportExpression') return undefined;
    const probe = probeCall(node, scope);
    if (probe !== undefined) {
      probes.push(probe);
      return undefined;
    }
    if (!isHarmlessCall(node, probeResults, scope)) other = true;
    return undefined;
  });
  if (other || probes.length === 0) return undefined;
  return combined(probes);
}

function isHarmlessCall(node: Node, probeResults: Set<string>, scope: ProbeScope): boolean {
  if (node.type !== 'CallExpression' && node.type !== 'OptionalCallExpression') return false;
  const callee = node.callee;
  const name = calleeName(callee);
  if (name !== undefined && PURE_BUILT_INS.test(name)) return true;
  if (callee.type !== 'MemberExpression' && callee.type !== 'OptionalMemberExpression') return false;
  const object = unwrap(callee.object);
  if (rootOf(object, probeResults)) return true;
  if (probeCall(object, scope) !== undefined) return true;
  return !callee.computed && callee.property.type === 'Identifier' && HARMLESS_METHODS.has(callee.property.name);
}

/** Built-ins that compute from their arguments and only print or convert: `Number.parseInt`, `path.join`, `console.warn`. */
const PURE_BUILT_INS = /^(Number(\.\w+)?|String|Boolean|parseInt|parseFloat|Math\.\w+|Array\.isArray|Object\.(keys|values|entries|hasOwn)|console\.\w+|path\.(join|resolve|dirname|basename|extname|relative|normalize)|path\.(posix|win32)\.\w+)$/;

/** Whether an expression reads from one of `names` (`pkg.packageManager.replace(…)` reads `pkg`). */
function rootOf(node: Node, names: Set<string>): boolean {
  let current: Node = unwrap(node);
  for (;;) {
    if (current.type === 'Identifier') return names.has(current.name);
    if (current.type === 'MemberExpression' || current.type === 'OptionalMemberExpression') current = unwrap(current.object);
    else if (current.type === 'CallExpression' || current.type === 'OptionalCallExpression') current = unwrap(current.callee);
    else return false;
  }
}

function boundNames(pattern: Node): string[] {
  if (pattern.type === 'Identifier') return [pattern.name];
  if (pattern.type === 'ArrayPattern') return pattern.elements.flatMap((element) => (element == null ? [] : boundNames(element)));
  if (pattern.type === 'ObjectPattern') return pattern.properties.flatMap((property) => boundNames(property.type === 'RestElement' ? property.argument : property.value));
  if (pattern.type === 'AssignmentPattern') return boundNames(pattern.left);
  if (pattern.type === 'RestElement') return boundNames(pattern.argument);
  return [];
}

/** Several probes in one block expect each other's failures: `JSON.parse(readFileSync(file))`. */
function combined(probes: Probe[]): Probe {
  const [first] = probes as [Probe, ...Probe[]];
  if (probes.length === 1) return first;
  const codes = new Set<string>();
  const classes = new Set<string>();
  for (const probe of probes) {
    for (const code of probe.expected?.codes ?? []) codes.add(code);
    for (const cls of probe.expected?.classes ?? []) classes.add(cls);
  }
  const operation = probes.map((probe) => probe.operation).filter((op, i, all) => all.indexOf(op) === i).join(' and ');
  // One probe whose failure is not known makes the whole block's expected failure unknown.
  if (probes.some((probe) => probe.expected === undefined)) return { kind: first.kind, operation };
  return { kind: first.kind, operation, expected: { codes: [...codes], classes: [...classes] }, ...(probes.every((probe) => probe.onlyFailure) ? { onlyFailure: true } : {}) };
}

/**
 * The probe a catch can be narrowed to, when the try block does exactly that probe: each probe's
 * expected failure is known, nothing else in the block can fail another way (a call into a module
 * it loaded, `text.match(re)[1]` finding nothing), and the probe can fail unexpectedly at all
 * (`JSON.parse` of text or `new URL` alone fail only as expected, so narrowing them adds a dead check).
 * A catch that is the fallback for several kinds of failure is not narrowed.
 */
export function narrowableProbe(tryStatement: TryStatement, scope: ProbeScope): Probe | undefined {
  const probe = guardedProbe(tryStatement.block, scope);
  const expected = probe?.expected;
  if (expected === undefined || probe?.onlyFailure === true || expected.codes.length + expected.classes.length === 0) return undefined;
  return doesOnlyProbe(tryStatement.block, scope) ? probe : undefined;
}

/** Methods that return nothing when they find nothing: reading from their result can throw a TypeError. */
const MAYBE_ABSENT = new Set(['match', 'exec', 'find', 'findLast', 'get', 'at', 'pop', 'shift', 'getItem', 'querySelector']);
/** Methods of strings and arrays that only compute, called on a probe's answer. */
const VALUE_METHODS = new Set(['replace', 'replaceAll', 'slice', 'substring', 'toLowerCase', 'toUpperCase', 'trimStart', 'trimEnd', 'indexOf', 'lastIndexOf', 'match', 'test', 'join', 'map', 'filter', 'some', 'every', 'find', 'at', 'getTime']);

/** Whether every call in the block is a probe, or only computes, and no read can hit a missing result. */
function doesOnlyProbe(block: BlockStatement, scope: ProbeScope): boolean {
  const modules = new Set<string>();
  let other = false;
  walk(block, (node) => {
    if (other || isFunctionNode(node)) return false;
    if (node.type === 'VariableDeclarator' && node.init != null && isModuleLoad(node.init, scope)) {
      for (const name of boundNames(node.id)) modules.add(name);
    }
    if (node.type === 'AssignmentExpression' && node.left.type === 'Identifier' && isModuleLoad(node.right, scope)) modules.add(node.left.name);
    if (node.type === 'MemberExpression' && readsMaybeAbsent(node.object)) other = true;
    if (node.type === 'ImportExpression' && isBuiltinLoad(node)) other = true;
    if (node.type !== 'CallExpression' && node.type !== 'OptionalCallExpression') return undefined;
    const probe = probeCall(node, scope);
    if (probe !== undefined) {
      // `require('os')` cannot fail to load: the call made on it is what the catch is about.
      if (probe.kind === 'optional-module' && isBuiltinLoad(node)) other = true;
      return undefined;
    }
    const name = calleeName(node.callee);
    if (name !== undefined && PURE_BUILT_INS.test(name)) return undefined;
    const callee = node.callee;
    if (callee.type !== 'MemberExpression' && callee.type !== 'OptionalMemberExpression') {
      other = true;
      return undefined;
    }
    const object = unwrap(callee.object);
    // A function of a loaded module runs its code: any failure can come out of it.
    if (isModuleLoad(object, scope) || rootOf(object, modules)) other = true;
    const method = !callee.computed && callee.property.type === 'Identifier' ? callee.property.name : undefined;
    if (method === undefined || !(HARMLESS_METHODS.has(method) || VALUE_METHODS.has(method))) other = true;
    return undefined;
  });
  return !other;
}

/** `x.match(re)[1]`, `list.find(f).name`: a read from what a method returns when it finds nothing. */
function readsMaybeAbsent(object: Node): boolean {
  const inner = unwrap(object);
  if (inner.type !== 'CallExpression') return false;
  const callee = inner.callee;
  return callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' && MAYBE_ABSENT.has(callee.property.name);
}

function isModuleLoad(node: Node, scope: ProbeScope): boolean {
  return probeCall(node, scope)?.kind === 'optional-module';
}

/** `require('os')`, `import('node:fs')`: a module that is always there. */
function isBuiltinLoad(node: Node): boolean {
  const arg = node.type === 'ImportExpression' ? node.source : node.type === 'CallExpression' ? node.arguments[0] : undefined;
  if (arg?.type !== 'StringLiteral') return false;
  const name = arg.value.replace(/^node:/, '');
  return BUILTIN_MODULES.has(name) || BUILTIN_MODULES.has(name.split('/')[0] as string);
}

const BUILTIN_MODULES = new Set(builtinModules);

const COMPARISONS = new Set(['===', '!==', '==', '!=', '<', '>', '<=', '>=', 'instanceof', 'in']);

/** A value that can be the other answer: `true` against `false`, or a comparison or negation (`status === ''`). */
function canAnswer(node: Node, answer: boolean): boolean {
  if (node.type === 'BooleanLiteral') return node.value !== answer;
  if (node.type === 'BinaryExpression') return COMPARISONS.has(node.operator);
  return node.type === 'UnaryExpression' && node.operator === '!';
}

/** `try { …; return true } catch { return false }`, `try { return (await status()) === '' } catch { return false }`: the try/catch answers yes or no. */
export function isBooleanPredicate(tryStatement: TryStatement): boolean {
  const clause = tryStatement.handler;
  if (clause == null) return false;
  const last = clause.body.body[clause.body.body.length - 1];
  if (last?.type !== 'ReturnStatement' || last.argument?.type !== 'BooleanLiteral') return false;
  const answer = last.argument.value;
  let opposite = false;
  walk(tryStatement.block, (node) => {
    if (opposite || isFunctionNode(node)) return false;
    if (node.type === 'ReturnStatement' && node.argument != null && canAnswer(node.argument, answer)) opposite = true;
    return undefined;
  });
  return opposite;
}

/** The probe a catch clause guards, if its try block asks one (a yes/no try/catch is one too). */
export function probeOfCatch(clause: CatchClause, tryStatement: Node | undefined, scope: ProbeScope): Probe | undefined {
  if (tryStatement?.type !== 'TryStatement' || tryStatement.handler !== clause) return undefined;
  const guarded = guardedProbe(tryStatement.block, scope);
  if (guarded !== undefined) return guarded;
  if (isBooleanPredicate(tryStatement)) return { kind: 'predicate', operation: 'a yes/no test' };
  return undefined;
}

/**
 * The probe a `.catch(handler)` call ends, if any: the chain starts with a probe
 * (`stat(file).catch(() => null)`, `import('x').catch(() => undefined)`), or turns success and
 * failure into opposite booleans (`.then(() => true).catch(() => false)`).
 */
export function probeOfPromiseCatch(call: CallExpression | OptionalCallExpression, scope: ProbeScope): Probe | undefined {
  const callee = call.callee;
  if (callee.type !== 'MemberExpression' && callee.type !== 'OptionalMemberExpression') return undefined;
  const handler = call.arguments[0];
  const fallback = handler === undefined ? undefined : returnedLiteral(handler);
  let current: Node = unwrap(callee.object);
  let thenAnswer: boolean | undefined;
  for (;;) {
    if (current.type !== 'CallExpression' && current.type !== 'OptionalCallExpression') break;
    const inner = current.callee;
    const method = (inner.type === 'MemberExpression' || inner.type === 'OptionalMemberExpression') && !inner.computed && inner.property.type === 'Identifier' ? inner.property.name : undefined;
    if (method !== 'then' && method !== 'finally') break;
    if (method === 'then' && thenAnswer === undefined) {
      const onFulfilled = current.arguments[0];
      const answer = onFulfilled === undefined ? undefined : returnedLiteral(onFulfilled);
      if (typeof answer === 'boolean') thenAnswer = answer;
    }
    current = unwrap((inner as { object: Node }).object);
  }
  if (typeof fallback === 'boolean' && thenAnswer !== undefined && thenAnswer !== fallback) return { kind: 'predicate', operation: 'a yes/no test' };
  return probeCall(current, scope);
}

/**
 * The yes or no a handler answers: a boolean it returns (`() => false`), or the answer of a yes/no
 * chain it returns last (`() => { …; return rename(a, b).then(() => true).catch(() => false) }`).
 */
function returnedLiteral(handler: Node): boolean | undefined {
  if (handler.type !== 'ArrowFunctionExpression' && handler.type !== 'FunctionExpression') return undefined;
  let value: Node | null | undefined = handler.body;
  if (value.type === 'BlockStatement') {
    const last = value.body[value.body.length - 1];
    if (last?.type !== 'ReturnStatement') return undefined;
    value = last.argument;
  }
  if (value == null) return undefined;
  value = unwrap(value);
  if (value.type === 'BooleanLiteral') return value.value;
  if ((value.type === 'CallExpression' || value.type === 'OptionalCallExpression') && probeOfPromiseCatch(value, { fsNames: new Set() })?.kind === 'predicate') {
    return true;
  }
  return undefined;
}
