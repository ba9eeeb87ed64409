import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectModules, type DetectingModule } from '../../cli/migrate/detect-modules.js';
import { detectModuleStyle } from '../../transforms/javascript/lib/module-style.js';
import { parseSource } from '../../transforms/javascript/lib/parse.js';
import { walkWithVisitors } from '../../transforms/javascript/lib/shared-walk.js';
import { allTransforms } from '../../transforms/javascript/registry.js';
import { auditRules } from '../../transforms/javascript/rules/registry.js';
import type { Node } from '@babel/types';
import { fixtureCorpus, fixtureKit, fixtureRoot } from './corpus.js';

const kit = fixtureKit();
const modules: DetectingModule[] = [...allTransforms, ...auditRules];

function contextFor(file: string, source: string) {
  const ast = parseSource(source, file, { lean: true });
  return { filePath: file, source, ast, kit, moduleStyle: detectModuleStyle(ast, file) };
}

describe('one walk shared by every module', () => {
  it('is offered by every built-in transform and rule', () => {
    expect(modules.filter((module) => module.detectShared === undefined).map((module) => module.meta.id)).toEqual([]);
  });

  it.each(fixtureCorpus().map(([file, source]) => [path.relative(fixtureRoot, file), file, source] as const))(
    '%s: each module finds what its own detect finds',
    (_name, file, source) => {
      const shared = detectModules(modules, contextFor(file, source));
      expect(shared.kind).toBe('found');
      if (shared.kind !== 'found') return;
      modules.forEach((module, index) => {
        // A fresh tree, so nothing the shared walk cached on the first one is reused.
        expect(shared.findings[index], module.meta.id).toEqual(module.detect(contextFor(file, source)));
      });
    },
  );

  it('runs a module without detectShared through its detect, next to the shared ones', () => {
    const own: DetectingModule = { meta: { ...allTransforms[0]!.meta, id: 'own' }, mightMatch: () => true, detect: () => [] };
    const ownWithFinding: DetectingModule = { ...own, detect: (ctx) => allTransforms[0]!.detect(ctx) };
    const result = detectModules([own, allTransforms[0]!, ownWithFinding], contextFor('a.js', 'try { a(); } catch (e) {}'));
    expect(result.kind === 'found' && result.findings.map((findings) => findings.length)).toEqual([0, 1, 1]);
  });

  it('blames the module whose visitor threw, not the others', () => {
    const crashing: DetectingModule = {
      meta: { ...allTransforms[0]!.meta, id: 'crashing' },
      mightMatch: () => true,
      detect: () => [],
      detectShared: () => ({
        visitors: {
          ThrowStatement: () => {
            throw new Error('boom');
          },
        },
        findings: () => [],
      }),
    };
    const result = detectModules([allTransforms[0]!, crashing, allTransforms[4]!], contextFor('a.js', 'try { a(); } catch (e) {}\nthrow "x";'));
    expect(result.kind).toBe('crashed');
    if (result.kind !== 'crashed') return;
    expect([result.module.meta.id, (result.error as Error).message]).toEqual(['crashing', 'boom']);
  });

  it('visits nodes in source order with their ancestors, each set in the order given', () => {
    const seen: string[] = [];
    const ast = parseSource('function f() { throw a; }\nthrow b;', 'a.js', { lean: true });
    const name = (node: Node): string => (node.type === 'ThrowStatement' && node.argument.type === 'Identifier' ? node.argument.name : '?');
    walkWithVisitors(ast, [
      { ThrowStatement: (node, ancestors) => seen.push(`1:${name(node)}:${ancestors.map((a) => a.type).join('>')}`) },
      { ThrowStatement: (node) => seen.push(`2:${name(node)}`) },
    ]);
    expect(seen).toEqual(['1:a:File>Program>FunctionDeclaration>BlockStatement', '2:a', '1:b:File>Program', '2:b']);
  });
});
