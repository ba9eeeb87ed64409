import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CatchClause, Node, ThrowStatement } from '@babel/types';
import { newCatalog } from '../../cli/catalog/defaults.js';
import type { CatalogTarget } from '../../cli/catalog/model.js';
import { serializeCatalog } from '../../cli/catalog/serialize.js';
import { TYPESCRIPT_TARGET } from '../catalog/fixtures.js';
import type { Finding, TransformMeta, TransformModule } from '../../transforms/types.js';

/** A TypeScript kit with no framework and the console logger: detection needs nothing more. */
export const TARGET: CatalogTarget = { ...TYPESCRIPT_TARGET, framework: 'none', logger: 'console' };

const createdProjects: string[] = [];

/**
 * A temporary project (real path) with a catalog and the given files, committed to a git repository of
 * its own unless `git` is false (`migrate` writes nothing outside one without --force);
 * `removeProjects` deletes them all.
 */
export function createProject(files: Record<string, string | Buffer>, options: { catalog?: boolean; git?: boolean } = {}): string {
  const root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'faultline-migrate-')));
  createdProjects.push(root);
  if (options.catalog !== false) writeFileSync(path.join(root, 'faultline.catalog.json'), serializeCatalog(newCatalog(TARGET)));
  writeFiles(root, files);
  if (options.git !== false) {
    git(root, 'init', '-q');
    git(root, 'add', '-A');
    git(root, 'commit', '-q', '--allow-empty', '-m', 'start');
  }
  return root;
}

export function git(root: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.email=dev@example.com', '-c', 'user.name=Dev', '-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], { cwd: root, encoding: 'utf8' });
}

export function removeProjects(): void {
  for (const root of createdProjects.splice(0)) rmSync(root, { recursive: true, force: true });
}

export function writeFiles(root: string, files: Record<string, string | Buffer>): void {
  for (const [relative, content] of Object.entries(files)) {
    const target = path.join(root, relative);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
}

function visit(node: Node, each: (node: Node) => void): void {
  each(node);
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) visit(item, each);
    } else if (isNode(value)) {
      visit(value, each);
    }
  }
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string' && 'start' in value;
}

function meta(id: string): TransformMeta {
  return { id, title: id, description: id, changesBehaviour: false, severity: 'warning', messages: { found: `${id} found` }, docs: `docs/transforms/${id}.md` };
}

function findingFor(id: string, node: Node, fixable: boolean, reason?: string): Finding {
  const loc = node.loc as NonNullable<Node['loc']>;
  return {
    ruleId: id,
    messageId: 'found',
    message: `${id} found`,
    severity: 'warning',
    line: loc.start.line,
    column: loc.start.column + 1,
    endLine: loc.end.line,
    endColumn: loc.end.column + 1,
    start: node.start as number,
    end: node.end as number,
    fixable,
    ...(reason ? { reason } : {}),
  };
}

/**
 * Empty catch blocks get a `reportError(e)` call through the kit. A catch whose block holds a comment
 * is left alone, with a reason, so reports of left-alone sites can be tested.
 */
export const reportEmptyCatch: TransformModule = {
  meta: meta('report-empty-catch'),
  mightMatch: (source) => source.includes('catch'),
  detect({ ast, source }) {
    const findings: Finding[] = [];
    visit(ast, (node) => {
      if (node.type !== 'CatchClause' || node.body.body.length > 0) return;
      const inside = source.slice((node.body.start as number) + 1, (node.body.end as number) - 1);
      findings.push(findingFor('report-empty-catch', node, inside.trim() === '', inside.trim() === '' ? undefined : 'a comment explains the empty catch'));
    });
    return findings;
  },
  fix({ ast, useKitExport }, findings) {
    const edits = [];
    const fixable = new Set(findings.filter((f) => f.fixable).map((f) => f.start));
    let clauses: CatchClause[] = [];
    visit(ast, (node) => {
      if (node.type === 'CatchClause' && fixable.has(node.start as number)) clauses = [...clauses, node];
    });
    for (const clause of clauses) {
      const name = useKitExport('reportError');
      const param = clause.param?.type === 'Identifier' ? clause.param.name : 'error';
      const bodyStart = clause.body.start as number;
      const binding = clause.param ? '' : '(error) ';
      edits.push({ start: bodyStart, end: clause.body.end as number, text: `${binding}{\n  ${name}(${param});\n}` });
    }
    return { edits };
  },
};

/** `throw 'text'` becomes `throw new Error('text')`: a fix without kit imports. */
export const wrapThrownString: TransformModule = {
  meta: meta('wrap-thrown-string'),
  mightMatch: (source) => source.includes('throw'),
  detect({ ast }) {
    const findings: Finding[] = [];
    visit(ast, (node) => {
      if (node.type === 'ThrowStatement' && node.argument.type === 'StringLiteral') findings.push(findingFor('wrap-thrown-string', node.argument, true));
    });
    return findings;
  },
  fix({ source }, findings) {
    return { edits: findings.map((f) => ({ start: f.start, end: f.end, text: `new Error(${source.slice(f.start, f.end)})` })) };
  },
};

/** Rewrites the same catch blocks as `reportEmptyCatch`, so the two transforms' edits overlap. */
export const commentEmptyCatch: TransformModule = {
  meta: meta('comment-empty-catch'),
  mightMatch: (source) => source.includes('catch'),
  detect({ ast }) {
    const findings: Finding[] = [];
    visit(ast, (node) => {
      if (node.type === 'CatchClause' && node.body.body.length === 0) findings.push(findingFor('comment-empty-catch', node.body, true));
    });
    return findings;
  },
  fix({ source, useKitExport }, findings) {
    const logger = useKitExport('logger');
    return {
      edits: findings
        .filter((f) => source.slice(f.start, f.end).replace(/\s/g, '') === '{}')
        .map((f) => ({ start: f.start, end: f.end, text: `{ ${logger}.debug('ignored'); }` })),
    };
  },
};

/** Produces code that does not parse, to prove such a result is never written. */
export const breakSyntax: TransformModule = {
  meta: meta('break-syntax'),
  mightMatch: (source) => source.includes('throw'),
  detect({ ast }) {
    const findings: Finding[] = [];
    visit(ast, (node) => {
      if (node.type === 'ThrowStatement') findings.push(findingFor('break-syntax', (node as ThrowStatement).argument, true));
    });
    return findings;
  },
  fix(_context, findings) {
    return { edits: findings.map((f) => ({ start: f.start, end: f.start, text: '(((' })) };
  },
};

/** A transform with a bug: it throws while detecting. */
export const crashInDetect: TransformModule = {
  meta: meta('crash-in-detect'),
  mightMatch: (source) => source.includes('crash-me'),
  detect() {
    throw new Error('boom');
  },
  fix: () => ({ edits: [] }),
};

export const testTransforms = [reportEmptyCatch, wrapThrownString];
