/**
 * Where a new import goes so that the file's import block reads as if its author had written it:
 * the rules that keep blocks in order (`import/order`, `simple-import-sort`,
 * `perfectionist/sort-imports`, `sort-imports`) all sort within groups of one kind of module
 * (built-in, package, alias, relative) separated by blank lines, type-only imports in a group of
 * their own or at a group's end, and relative imports last.
 */
import { builtinModules } from 'node:module';
import type { File, Node, Statement } from '@babel/types';
import picomatch from 'picomatch';
import type { ImportOrderOptions } from '../../types.js';
import { endOf, startOf } from './range.js';
import { lineStartAt } from './source-style.js';

export type ModuleKind = 'builtin' | 'external' | 'alias' | 'relative';

interface BlockEntry {
  statement: Statement;
  specifier: string;
  /** `import type …`: sorted and grouped apart from value imports by most configurations. */
  typeOnly: boolean;
  /** `import './polyfill'`, `require('./setup')`: order matters, so nothing is sorted across it. */
  sideEffect: boolean;
  kind: ModuleKind;
  /** The first local name, which ESLint's `sort-imports` sorts by. */
  firstName: string | undefined;
}

/** Where to insert, and whether the new statement opens a group of its own (a blank line apart). */
export type Placement =
  | { kind: 'before'; statement: Statement; blankLineAfter: boolean }
  | { kind: 'after'; statement: Statement; blankLineBefore: boolean }
  | { kind: 'none' };

const BUILTINS = new Set(builtinModules);

/** The kind of module a specifier names, as import-ordering rules group them. */
export function moduleKindOf(specifier: string, alias?: string): ModuleKind {
  if (specifier.startsWith('.') || specifier.startsWith('/')) return 'relative';
  if (specifier.startsWith('node:') || BUILTINS.has(specifier.split('/')[0] ?? '')) return 'builtin';
  if (alias !== undefined && (specifier === alias || specifier.startsWith(`${alias.replace(/\/$/, '')}/`))) return 'alias';
  if (/^(?:[@~#]\/|#|~)/.test(specifier)) return 'alias';
  return 'external';
}

/**
 * Where an import of `specifier` (a value import, named `firstName`) goes among the file's top-level
 * imports (ESM) or requires (CommonJS).
 */
export function placeImport(
  ast: File,
  source: string,
  esm: boolean,
  specifier: string,
  firstName: string,
  alias?: string,
  order?: ImportOrderOptions,
  groupsApart = false,
): Placement {
  const all = blockEntries(ast.program.body, esm, alias);
  if (all.length === 0) return { kind: 'none' };
  // Requires after the code starts (at the end of a file, to break a require cycle) are not the file's import block.
  const codeStart = ast.program.body.find(startsTheCode);
  const header = codeStart === undefined ? all : all.filter((entry) => startOf(entry.statement) < startOf(codeStart));
  const entries = header.length > 0 ? header : all;
  if (order !== undefined) return placeByRule(entries, source, specifier, order, alias);
  const kind = moduleKindOf(specifier, alias);
  const groups = splitGroups(entries, source);
  const wanted: Omit<BlockEntry, 'statement'> = { specifier, typeOnly: false, sideEffect: false, kind, firstName };

  // The last group holding value imports of the same kind is where the author keeps them.
  const home = [...groups].reverse().find((group) => group.some((entry) => entry.kind === kind && !entry.typeOnly && !entry.sideEffect));
  if (home !== undefined) return placeInGroup(home, wanted);

  // No import of that kind yet: a new group after the value imports, before any trailing type-only imports.
  const lastGroup = groups[groups.length - 1] as BlockEntry[];
  const trailingTypes = trailingTypeOnly(lastGroup);
  if (trailingTypes.length > 0 && trailingTypes.length < lastGroup.length) {
    return { kind: 'before', statement: (trailingTypes[0] as BlockEntry).statement, blankLineAfter: false };
  }
  if (trailingTypes.length === lastGroup.length && groups.length > 1) {
    // A group of type imports alone closes the block: the new group goes before it.
    return { kind: 'before', statement: (lastGroup[0] as BlockEntry).statement, blankLineAfter: true };
  }
  const last = lastGroup[lastGroup.length - 1] as BlockEntry;
  return { kind: 'after', statement: last.statement, blankLineBefore: groupsApart || separatesKinds(groups, kind) };
}

/**
 * Whether a new kind of module gets a blank line before it. A file whose groups hold one kind each,
 * or a single group of one kind, separates kinds (what `simple-import-sort` and perfectionist ask by
 * default); one whose group mixes kinds without blank lines does not.
 */
function separatesKinds(groups: BlockEntry[][], kind: ModuleKind): boolean {
  if (groups.length > 1) return true;
  const imports = (groups[0] ?? []).filter((entry) => !entry.sideEffect);
  // A single import shows neither an order nor a way of grouping: the new one simply follows it.
  if (imports.length < 2) return false;
  const kinds = new Set(imports.map((entry) => entry.kind));
  return kinds.size === 1 && !kinds.has(kind);
}

function trailingTypeOnly(group: BlockEntry[]): BlockEntry[] {
  let first = group.length;
  while (first > 0 && (group[first - 1] as BlockEntry).typeOnly) first--;
  return group.slice(first);
}

type Key = (entry: Omit<BlockEntry, 'statement'>) => string | undefined;
type Compare = (a: string, b: string) => number;

const bySpecifier: Key = (entry) => entry.specifier;
const byName: Key = (entry) => entry.firstName;
const codePoint: Compare = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const caseless: Compare = (a, b) => codePoint(a.toLowerCase(), b.toLowerCase());
const natural: Compare = (a, b) => a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' });
const ORDERINGS: Array<[Key, Compare]> = [
  [bySpecifier, codePoint],
  [bySpecifier, caseless],
  [bySpecifier, natural],
  [byName, caseless],
];

/**
 * Within the group: at its sorted place when the group (or, failing that, its imports of the same
 * kind) is sorted by a rule we recognise, else after the last import of the same kind.
 */
function placeInGroup(whole: BlockEntry[], wanted: Omit<BlockEntry, 'statement'>): Placement {
  // A side-effect import may be needed before what follows it (a polyfill, a register hook): the new import comes after it.
  const lastSideEffect = whole.map((entry) => entry.sideEffect).lastIndexOf(true);
  const group = whole.slice(lastSideEffect + 1);
  if (!group.some((entry) => entry.kind === wanted.kind && !entry.typeOnly)) {
    return { kind: 'after', statement: (whole[whole.length - 1] as BlockEntry).statement, blankLineBefore: false };
  }
  const sameKind = group.filter((entry) => entry.kind === wanted.kind && entry.typeOnly === wanted.typeOnly && !entry.sideEffect);
  for (const candidates of [valueRun(group), sameKind]) {
    // One import is no evidence of an order: the new one simply follows it.
    if (candidates.length < 2) continue;
    for (const [key, compare] of ORDERINGS) {
      if (!isSorted(candidates, key, compare)) continue;
      const ours = key(wanted);
      if (ours === undefined) continue;
      const next = candidates.find((entry) => compare(key(entry) as string, ours) > 0);
      if (next !== undefined) return { kind: 'before', statement: next.statement, blankLineAfter: false };
      return { kind: 'after', statement: (candidates[candidates.length - 1] as BlockEntry).statement, blankLineBefore: false };
    }
  }
  if (wanted.kind === 'relative') {
    const byDistance = placeByDistance(sameKind, wanted.specifier);
    if (byDistance !== undefined) return byDistance;
  }
  return { kind: 'after', statement: (sameKind[sameKind.length - 1] as BlockEntry).statement, blankLineBefore: false };
}

/** How far a relative module is, as every import-sorting rule orders them: parent folders, then siblings, then the folder's index. */
function distanceOf(specifier: string): number {
  const kind = orderKindOf(specifier);
  return kind === 'parent' ? 0 : kind === 'sibling' ? 1 : 2;
}

/**
 * Relative imports that are not sorted by name but go from parent folders to siblings to the index:
 * the new one joins the last of its distance. Imports all at one distance show no such order.
 */
function placeByDistance(relative: BlockEntry[], specifier: string): Placement | undefined {
  const distances = relative.map((entry) => distanceOf(entry.specifier));
  if (new Set(distances).size < 2 || distances.some((distance, index) => index > 0 && distance < (distances[index - 1] as number))) return undefined;
  const ours = distanceOf(specifier);
  const last = distances.lastIndexOf(Math.max(...distances.filter((distance) => distance <= ours), -1));
  if (last !== -1) return { kind: 'after', statement: (relative[last] as BlockEntry).statement, blankLineBefore: false };
  return { kind: 'before', statement: (relative[0] as BlockEntry).statement, blankLineAfter: false };
}

/** The kinds of module `import/order` ranks. */
type OrderKind = 'builtin' | 'external' | 'internal' | 'parent' | 'sibling' | 'index' | 'absolute' | 'type';

function orderKindOf(specifier: string, alias?: string): OrderKind {
  if (specifier.startsWith('/')) return 'absolute';
  if (/^\.\.(?:$|\/)/.test(specifier)) return 'parent';
  if (/^\.(?:\/?|\/index(?:\.[^/]*)?)$/.test(specifier)) return 'index';
  if (specifier.startsWith('./')) return 'sibling';
  const kind = moduleKindOf(specifier, alias);
  return kind === 'alias' ? 'internal' : kind === 'builtin' ? 'builtin' : 'external';
}

/**
 * Each import's rank under the project's `import/order` settings, worked out as the rule does: a
 * group's kinds share its rank, kinds the groups leave out share one after all of them, a path group
 * sits just before or after its group, and type-only imports have a rank of their own only when the
 * groups name `type`.
 */
function rankerFor(order: ImportOrderOptions, alias: string | undefined): (specifier: string, typeOnly: boolean) => number {
  const ranks = new Map<string, number>();
  order.groups.forEach((group, index) => {
    for (const kind of Array.isArray(group) ? group : [group]) ranks.set(kind, index * 2);
  });
  const omitted = order.groups.length * 2;
  const excluded = new Set(order.pathGroupsExcludedImportTypes ?? ['builtin', 'external', 'object']);
  const pathGroups = pathGroupRanks(order, ranks, omitted);
  return (specifier, typeOnly) => {
    const kind: OrderKind = typeOnly && ranks.has('type') ? 'type' : orderKindOf(specifier, alias);
    if (!excluded.has(kind)) {
      const matched = pathGroups.find((group) => group.matches(specifier));
      if (matched !== undefined) return matched.rank;
    }
    return ranks.get(kind) ?? omitted;
  };
}

/** Path groups with their ranks: those placed `before` a group count down from it, those `after` count up, in the order given. */
function pathGroupRanks(order: ImportOrderOptions, ranks: Map<string, number>, omitted: number): Array<{ matches: (specifier: string) => boolean; rank: number }> {
  const groups = order.pathGroups ?? [];
  const before = new Map<string, number[]>();
  const afterCount = new Map<string, number>();
  const positions = groups.map((group, index) => {
    if (group.position === 'after') {
      const next = (afterCount.get(group.group) ?? 0) + 1;
      afterCount.set(group.group, next);
      return next;
    }
    if (group.position === 'before') before.set(group.group, [...(before.get(group.group) ?? []), index]);
    return 0;
  });
  let widest = 1;
  for (const indexes of before.values()) {
    indexes.forEach((groupIndex, index) => {
      positions[groupIndex] = -(indexes.length - index);
    });
    widest = Math.max(widest, indexes.length);
  }
  for (const count of afterCount.values()) widest = Math.max(widest, count);
  const scale = widest > 10 ? 10 ** Math.ceil(Math.log10(widest)) : 10;
  return groups.map((group, index) => {
    const isMatch = picomatch(group.pattern, { nocomment: true, ...(group.patternOptions ?? {}) } as picomatch.PicomatchOptions);
    return { matches: (specifier: string) => isMatch(specifier), rank: (ranks.get(group.group) ?? omitted) + (positions[index] as number) / scale };
  });
}

/**
 * Where the project's `import/order` wants the import: after every import it ranks before it and
 * before every import it ranks after it, next to the imports of its own rank (at its alphabetical
 * place when the rule sorts them), with blank lines between ranks as the rule's `newlines-between`
 * asks (or, when it leaves them free, as the file has them).
 */
function placeByRule(entries: BlockEntry[], source: string, specifier: string, order: ImportOrderOptions, alias: string | undefined): Placement {
  const rankOf = rankerFor(order, alias);
  // Imports that only run a module are not ranked by the rule, and nothing new goes above one.
  const lastSideEffect = entries.map((entry) => entry.sideEffect).lastIndexOf(true);
  const ranked = entries.slice(lastSideEffect + 1);
  if (ranked.length === 0) return { kind: 'after', statement: (entries[entries.length - 1] as BlockEntry).statement, blankLineBefore: false };
  const ranks = ranked.map((entry) => rankOf(entry.specifier, entry.typeOnly));
  const ours = rankOf(specifier, false);
  // Position p means "before ranked[p]"; p = ranked.length is after the last one.
  const fitsBefore = (p: number) => ranks.slice(0, p).every((rank) => rank <= ours);
  const fitsAfter = (p: number) => ranks.slice(p).every((rank) => rank >= ours);
  const positions = [...Array(ranked.length + 1).keys()];
  const valid = positions.filter((p) => fitsBefore(p) && fitsAfter(p));
  let at: number;
  if (valid.length === 0) {
    // The file is already out of the rule's order: at least the new import is not.
    at = Math.max(...positions.filter(fitsBefore));
  } else if (order.alphabetize !== undefined) {
    const compare = alphabetical(order.alphabetize);
    at = valid.find((p) => p === ranked.length || ranks[p] !== ours || compare((ranked[p] as BlockEntry).specifier, specifier) > 0) ?? (valid[valid.length - 1] as number);
  } else {
    const lastOfRank = ranks.lastIndexOf(ours);
    at = lastOfRank !== -1 && valid.includes(lastOfRank + 1) ? lastOfRank + 1 : (valid[valid.length - 1] as number);
  }
  const previous = ranked[at - 1];
  const next = ranked[at];
  const newlines = order.newlinesBetween ?? 'ignore';
  if (previous !== undefined && ranks[at - 1] === ours) return { kind: 'after', statement: previous.statement, blankLineBefore: false };
  if (next !== undefined && ranks[at] === ours) return { kind: 'before', statement: next.statement, blankLineAfter: false };
  const blank = newlines === 'always' || newlines === 'always-and-inside-groups' ? true : newlines === 'never' ? false : separatesRanks(ranked, ranks, source);
  if (previous !== undefined) return { kind: 'after', statement: previous.statement, blankLineBefore: blank };
  return { kind: 'before', statement: (next as BlockEntry).statement, blankLineAfter: blank };
}

/** Whether the file puts a blank line between imports of different ranks (no pair of them: no evidence, so no). */
function separatesRanks(entries: BlockEntry[], ranks: number[], source: string): boolean {
  let boundaries = 0;
  let blank = 0;
  for (let index = 1; index < entries.length; index++) {
    if (ranks[index] === ranks[index - 1]) continue;
    boundaries++;
    const gap = source.slice(endOf((entries[index - 1] as BlockEntry).statement), lineStartAt(source, startOf((entries[index] as BlockEntry).statement)));
    if (/\n[ \t]*\r?\n/.test(gap)) blank++;
  }
  return boundaries > 0 && blank * 2 >= boundaries;
}

function alphabetical(options: NonNullable<ImportOrderOptions['alphabetize']>): Compare {
  const key = (text: string) => (options.caseInsensitive ? text.toLowerCase() : text);
  return (a, b) => codePoint(key(a), key(b)) * (options.order === 'desc' ? -1 : 1);
}

/** The imports the group sorts together with ours: value imports (type-only ones are sorted apart by most configurations). */
function valueRun(group: BlockEntry[]): BlockEntry[] {
  return group.filter((entry) => !entry.typeOnly);
}

function isSorted(entries: BlockEntry[], key: Key, compare: Compare): boolean {
  for (let index = 1; index < entries.length; index++) {
    const previous = key(entries[index - 1] as BlockEntry);
    const current = key(entries[index] as BlockEntry);
    if (previous === undefined || current === undefined || compare(previous, current) > 0) return false;
  }
  return entries.every((entry) => key(entry) !== undefined);
}

/** Consecutive entries with no blank line between them. */
function splitGroups(entries: BlockEntry[], source: string): BlockEntry[][] {
  const groups: BlockEntry[][] = [];
  let current: BlockEntry[] = [];
  let previousEnd: number | undefined;
  for (const entry of entries) {
    if (previousEnd !== undefined) {
      const gap = source.slice(previousEnd, lineStartAt(source, startOf(entry.statement)));
      // A blank line, or code that is not an import, ends a group.
      if (/\n[ \t]*\r?\n/.test(gap) || /\S/.test(gap.replace(/\/\/[^\n]*|\/\*[^]*?\*\//g, ''))) {
        groups.push(current);
        current = [];
      }
    }
    current.push(entry);
    previousEnd = endOf(entry.statement);
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/** The file's imports (ESM) or requires (CommonJS) at the top level, in source order. */
function blockEntries(body: Statement[], esm: boolean, alias: string | undefined): BlockEntry[] {
  const entries: BlockEntry[] = [];
  for (const statement of body) {
    if (esm && statement.type === 'ImportDeclaration') {
      const specifier = statement.source.value;
      const named = statement.specifiers;
      const typeOnly =
        statement.importKind === 'type' ||
        (named.length > 0 && named.every((item) => item.type === 'ImportSpecifier' && item.importKind === 'type'));
      entries.push({
        statement,
        specifier,
        typeOnly,
        sideEffect: named.length === 0,
        kind: moduleKindOf(specifier, alias),
        firstName: named[0]?.local.name,
      });
    } else if (!esm) {
      const required = requireOf(statement);
      if (required !== undefined) entries.push({ statement, ...required, typeOnly: false, kind: moduleKindOf(required.specifier, alias) });
    }
  }
  return entries;
}

/** `const x = require('s')`, `const { a } = require('s').b`, `require('s')`: the specifier and first name. */
function requireOf(statement: Statement): { specifier: string; sideEffect: boolean; firstName: string | undefined } | undefined {
  if (statement.type === 'ExpressionStatement') {
    const specifier = requiredIn(statement.expression);
    return specifier === undefined ? undefined : { specifier, sideEffect: true, firstName: undefined };
  }
  if (statement.type !== 'VariableDeclaration') return undefined;
  // `var fs = require('fs'), path = require('path')` is sorted by its first require.
  const declarator = statement.declarations.find((item) => item.init != null && requiredIn(item.init) !== undefined);
  if (declarator?.init == null) return undefined;
  const specifier = requiredIn(declarator.init) as string;
  const id = declarator.id;
  let firstName: string | undefined;
  if (id.type === 'Identifier') firstName = id.name;
  else if (id.type === 'ObjectPattern') {
    const first = id.properties[0];
    if (first?.type === 'ObjectProperty' && first.value.type === 'Identifier') firstName = first.value.name;
  }
  return { specifier, sideEffect: false, firstName };
}

/** The specifier of the `require('s')` a member chain or call chain starts with. */
function requiredIn(node: Node): string | undefined {
  let current: Node = node;
  for (;;) {
    if (current.type === 'CallExpression') {
      if (current.callee.type === 'Identifier' && current.callee.name === 'require') {
        const [first] = current.arguments;
        if (first?.type === 'StringLiteral') return first.value;
        if (first?.type === 'TemplateLiteral' && first.expressions.length === 0) return first.quasis[0]?.value.cooked ?? undefined;
        return undefined;
      }
      current = current.callee;
    } else if (current.type === 'MemberExpression') {
      current = current.object;
    } else if (current.type === 'AwaitExpression') {
      return undefined;
    } else {
      return undefined;
    }
  }
}

/** A function, a class, an export or `module.exports = …`: the statements that follow the import block. */
function startsTheCode(statement: Statement): boolean {
  if (statement.type === 'FunctionDeclaration' || statement.type === 'ClassDeclaration') return true;
  if (statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration') return true;
  if (statement.type !== 'ExpressionStatement' || statement.expression.type !== 'AssignmentExpression') return false;
  const target = statement.expression.left;
  return target.type === 'MemberExpression' && target.object.type === 'Identifier' && (target.object.name === 'module' || target.object.name === 'exports');
}
