import { readdirSync, readFileSync, statSync } from 'node:fs';
import type { Node } from '@babel/types';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../../cli/catalog/load.js';
import { detectSource } from '../../../cli/migrate/detect-file.js';
import { kitLocationOf } from '../../../cli/migrate/project.js';
import { parseForDetection } from '../../../transforms/javascript/lib/detection-parse.js';
import { detectModuleStyle } from '../../../transforms/javascript/lib/module-style.js';
import { ParseFailure, parseSource } from '../../../transforms/javascript/lib/parse.js';
import { LineIndex } from '../../../transforms/shared/line-index.js';
import { preorderOf } from '../../../transforms/javascript/lib/preorder.js';
import { walkWithVisitors } from '../../../transforms/javascript/lib/shared-walk.js';
import { VISITOR_KEYS } from '../../../transforms/javascript/lib/visitor-keys.js';
import { walk } from '../../../transforms/javascript/lib/walk.js';
import { allTransforms } from '../../../transforms/javascript/registry.js';
import { auditRules } from '../../../transforms/javascript/rules/registry.js';
import type { Finding } from '../../../transforms/types.js';
import { repoRoot } from '../../support/cli.js';
import { treeDifference } from '../../support/tree-diff.js';

const fixtureRoot = path.join(repoRoot, '__testfixtures__', 'javascript');
const kit = kitLocationOf(loadCatalog(fixtureRoot).catalog, fixtureRoot);
const modules = [...allTransforms, ...auditRules];
const JAVASCRIPT = /\.(?:js|jsx|mjs|cjs)$/;

function javascriptFiles(dir: string, limit = Infinity): string[] {
  const found: string[] = [];
  const visit = (current: string): void => {
    for (const name of readdirSync(current).sort()) {
      if (found.length >= limit) return;
      const file = path.join(current, name);
      if (statSync(file).isDirectory()) {
        if (name !== 'node_modules') visit(file);
      } else if (JAVASCRIPT.test(name)) found.push(file);
    }
  };
  visit(dir);
  return found;
}

type Tree = Parameters<typeof treeDifference>[0];

/** Detection by every built-in module on one tree, positions included. */
function findingsOn(ast: ReturnType<typeof parseSource>, file: string, source: string): Finding[][] {
  return modules.map((module) => module.detect({ filePath: file, source, ast, kit, moduleStyle: detectModuleStyle(ast, file) }));
}

// Syntax whose ESTree and Babel spellings differ, each converted by estree-to-babel.ts.
const SHAPES: Record<string, string> = {
  'optional chains': 'a?.b.c(); a.b?.c.d?.(e)?.f; (a?.b).c; x?.[y]; new (a?.b)();',
  'class members': 'class A { #x = 1; static y; get z() { return this.#x } set z(v) {} static { init(); } async *gen() {} #priv() {} constructor() { super.x() } accessor w = 2; }',
  'object members': "({ a, b: 1, c() {}, get d() { return 1 }, set d(v) {}, async e() {}, *f() {}, [g]: 2, ...h, 'i': 3, 4: 5 }); ({ k = 1, l: { m }, ...n } = o);",
  directives: "'use strict';\n'other';\nfunction f() { 'use asm'; return 1 }\nconst g = () => { 'use strict'; };\n({ m() { 'x'; } });",
  literals: 'x = [1, "a", true, null, /re/gi, 10n, `t${1}u`, 0x10, 1e3, .5];',
  'import()': "import('x').then((m) => m); import('y', { with: { type: 'json' } });",
  'hashbang and comments': "#!/usr/bin/env node\n// line\n/* block */ throw 'x'; <!-- html",
  jsx: 'const a = <div className="x" {...p}>hi {y} <b/> <></></div>;',
  'sloppy script': 'with (a) { b = 010; }',
  'line breaks': "try {\r\n  f();\r\n} catch (e) {}\r\n\u2028throw 'x';\rthrow 1",
  labels: 'outer: for (;;) { try { continue outer } catch { break outer } }',
  decorators: '@dec class A { @dec m() {} @dec static p = 1 }',
  'export forms': "export * as ns from 'x'; export * from 'z'; export { a as 'b c' } from 'y'; export default class {}",
  'top-level return': "if (x) return; throw new Error('a')",
  'top-level await': 'await f();',
  'regular expressions': 'x = /[/]/.test(y) / 2;',
};

describe('the detection tree', () => {
  it.each(Object.entries(SHAPES))('%s: node for node the tree @babel/parser builds', (_name, source) => {
    const expected = parseSource(source, 'shape.js', { lean: true });
    expect(treeDifference(expected as unknown as Tree, parseForDetection(source, 'shape.js') as unknown as Tree)).toBeUndefined();
  });

  // Fixtures hold every smell the rules know, and the dependencies' files (a fixed sample, pinned by
  // the lockfile) hold the syntax real code uses.
  const corpus = [...javascriptFiles(fixtureRoot), ...javascriptFiles(path.join(repoRoot, 'examples/legacy-app/js')), ...javascriptFiles(path.join(repoRoot, 'node_modules/commander')), ...javascriptFiles(path.join(repoRoot, 'node_modules/ajv/dist'), 150), ...javascriptFiles(path.join(repoRoot, 'node_modules/recast'), 60)];

  it('covers a corpus worth the name', () => {
    expect(corpus.length).toBeGreaterThan(200);
  });

  it.each(corpus.map((file) => [path.relative(repoRoot, file), file] as const))('%s: same tree and same findings as @babel/parser', (_name, file) => {
    const source = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    const expected = parseSource(source, file, { lean: true });
    const actual = parseForDetection(source, file);
    expect(treeDifference(expected as unknown as Tree, actual as unknown as Tree)).toBeUndefined();
    expect(findingsOn(actual, file, source)).toEqual(findingsOn(expected, file, source));
  });

  it.each(corpus.filter((_file, index) => index % 20 === 0).map((file) => [path.relative(repoRoot, file), file] as const))(
    '%s: the recorded walk order visits what the recursive walk visits, with the same ancestors',
    (_name, file) => {
      const ast = parseForDetection(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), file);
      const order = preorderOf(ast);
      expect(order).toBeDefined();
      const label = (node: Node, ancestors: readonly Node[]) => `${node.type}@${node.start} < ${ancestors.map((ancestor) => ancestor.type).join(' ')}`;
      const recursive: string[] = [];
      walk(ast, (node, ancestors) => {
        if (order?.lists(node.type)) recursive.push(label(node, ancestors));
      });
      expect(recursive.length).toBeGreaterThan(0);
      // Visitors for every type the order lists are served by the replay...
      const replayed: string[] = [];
      const listed = Object.keys(VISITOR_KEYS).filter((type) => order?.lists(type));
      walkWithVisitors(ast, [Object.fromEntries(listed.map((type) => [type, (node: Node, ancestors: readonly Node[]) => replayed.push(label(node, ancestors))]))]);
      expect(replayed).toEqual(recursive);
      // ...and a visitor for identifiers, which it leaves out, still sees every one of them.
      const identifiers: string[] = [];
      walk(ast, (node, ancestors) => {
        if (node.type === 'Identifier') identifiers.push(label(node, ancestors));
      });
      const visited: string[] = [];
      walkWithVisitors(ast, [{ Identifier: (node, ancestors) => visited.push(label(node, ancestors)) }]);
      expect(visited).toEqual(identifiers);
    },
  );

  it('positions findings and honours suppressions on every kind of line break, as on the Babel tree', () => {
    const source = "try {\r\n  f();\r\n} catch (e) {}\u2028// faultline-ignore empty-catch: fine\rtry { g() } catch (e) {}\n\nthrow 'x';";
    const file = path.join(fixtureRoot, 'src/breaks.js');
    const fast = findingsOn(parseForDetection(source, file), file, source);
    expect(fast).toEqual(findingsOn(parseSource(source, file, { lean: true }), file, source));
    expect(fast.flat().map((finding) => [finding.ruleId, finding.line, finding.column, finding.endLine, finding.endColumn])).toEqual([
      ['empty-catch', 3, 3, 3, 15],
      ['throw-literal', 7, 7, 7, 10],
    ]);
  });

  it.each([
    ['LF', 'a;\nb;\n\nc;'],
    ['CR LF', 'a;\r\nb;\r\n\r\nc;'],
    ['CR, U+2028 and U+2029', 'a;\rb;\u2028\u2029c; /* x\r\ny */ d;'],
  ])('counts lines and columns as @babel/parser does (%s)', (_name, source) => {
    const babel = parseSource(source, 'lines.js');
    const lines = new LineIndex(source);
    walk(babel, (node) => {
      expect([lines.position(node.start ?? 0).line, lines.position(node.start ?? 0).column]).toEqual([node.loc?.start.line, node.loc?.start.column]);
      expect([lines.position(node.end ?? 0).line, lines.position(node.end ?? 0).column]).toEqual([node.loc?.end.line, node.loc?.end.column]);
    });
  });

  it('leaves TypeScript to @babel/parser', () => {
    const ast = parseForDetection('const x = <T,>(v: T) => v as unknown;', 'a.ts');
    expect(ast.program.body[0]?.loc?.start.line).toBe(1);
  });

  it('hands a file meriyah rejects to @babel/parser, which accepts it or says where it fails', () => {
    const legacyAssert = "import data from './x.json' assert { type: 'json' };\nthrow data;";
    expect(treeDifference(parseSource(legacyAssert, 'a.js', { lean: true }) as unknown as Tree, parseForDetection(legacyAssert, 'a.js') as unknown as Tree)).toBeUndefined();
    const failure = (() => {
      try {
        parseForDetection('function ( {', 'a.js');
      } catch (error) {
        return error;
      }
    })();
    expect(failure).toBeInstanceOf(ParseFailure);
    expect([(failure as ParseFailure).line, (failure as ParseFailure).column]).toEqual([1, 10]);
  });

  it('is used only when every module a file needs reads offsets alone', () => {
    expect(modules.every((module) => module.readsOffsetsOnly === true)).toBe(true);
    const file = path.join(fixtureRoot, 'src/own.js');
    const seen: Array<unknown> = [];
    const own = { meta: { ...allTransforms[0]!.meta, id: 'own-rule' }, mightMatch: () => true, detect: (ctx: { ast: { program: { loc?: unknown } } }) => (seen.push(ctx.ast.program.loc), []) };
    detectSource({ source: 'try { f() } catch {}', filePath: file, transforms: [allTransforms[0]!, own as never], kit });
    expect(seen[0]).toMatchObject({ start: { line: 1, column: 0 } });
  });
});
