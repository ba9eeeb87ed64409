/**
 * The first place two Babel-shaped trees differ, or undefined when they agree: node types, offsets
 * and the scalar fields rules read (names, values, operators, flags), child by child in source order,
 * and the comments. Locations, `extra` and `program.sourceType` are not compared.
 */
import { VISITOR_KEYS } from '../../transforms/javascript/lib/visitor-keys.js';

const SCALARS = ['name', 'value', 'operator', 'kind', 'computed', 'optional', 'static', 'async', 'generator', 'shorthand', 'prefix', 'delegate', 'await', 'pattern', 'flags', 'tail'];

type Tree = Record<string, unknown> & { type: string; start: number; end: number };

export function treeDifference(expected: Tree, actual: Tree, path = 'File'): string | undefined {
  if (expected.type !== actual.type) return `${path}: type ${expected.type} vs ${actual.type}`;
  if (expected.start !== actual.start || expected.end !== actual.end) return `${path} (${expected.type}): range ${expected.start}-${expected.end} vs ${actual.start}-${actual.end}`;
  for (const key of SCALARS) {
    const [a, b] = [expected[key], actual[key]];
    if (typeof a === 'object' && a !== null) {
      // A template element's value is { raw, cooked }; any other object under these keys is a child node.
      if (expected.type === 'TemplateElement') {
        const [x, y] = [a as { raw?: string; cooked?: string }, (b ?? {}) as { raw?: string; cooked?: string }];
        if (x.raw !== y.raw || x.cooked !== y.cooked) return `${path}.value: ${JSON.stringify(x)} vs ${JSON.stringify(y)}`;
      }
      continue;
    }
    if ((a ?? false) !== (b ?? false)) return `${path} (${expected.type}).${key}: ${String(a)} vs ${String(b)}`;
  }
  for (const key of VISITOR_KEYS[expected.type] ?? []) {
    const [a, b] = [expected[key], actual[key]];
    if (Array.isArray(a) || Array.isArray(b)) {
      const [left, right] = [(a ?? []) as Tree[], (b ?? []) as Tree[]];
      if (left.length !== right.length) return `${path}.${key}: ${left.length} vs ${right.length} items`;
      for (let index = 0; index < left.length; index++) {
        const [x, y] = [left[index], right[index]];
        if ((x ?? null) === null || (y ?? null) === null) {
          if ((x ?? null) !== (y ?? null)) return `${path}.${key}[${index}]: ${x === null ? 'hole' : 'node'} vs ${y === null ? 'hole' : 'node'}`;
          continue;
        }
        const difference = treeDifference(x as Tree, y as Tree, `${path}.${key}[${index}]`);
        if (difference !== undefined) return difference;
      }
    } else if ((a ?? null) === null || (b ?? null) === null) {
      if ((a ?? null) !== (b ?? null)) return `${path}.${key}: ${a == null ? 'none' : (a as Tree).type} vs ${b == null ? 'none' : (b as Tree).type}`;
    } else {
      const difference = treeDifference(a as Tree, b as Tree, `${path}.${key}`);
      if (difference !== undefined) return difference;
    }
  }
  if (path === 'File') {
    const [left, right] = [(expected.comments ?? []) as Tree[], (actual.comments ?? []) as Tree[]];
    if (left.length !== right.length) return `comments: ${left.length} vs ${right.length}`;
    for (let index = 0; index < left.length; index++) {
      const [x, y] = [left[index] as Tree, right[index] as Tree];
      if (x.type !== y.type || x.start !== y.start || x.end !== y.end || x.value !== y.value) return `comments[${index}]: ${x.type} ${x.start}-${x.end} vs ${y.type} ${y.start}-${y.end}`;
    }
  }
  return undefined;
}
