import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CatalogTarget } from '../../cli/catalog/model.js';
import { dependencyNotes, planPackageJson } from '../../cli/generate/package-json.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A project folder with packages installed in node_modules (name to version), as a package manager leaves them. */
function installed(packages: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'faultline-pkg-'));
  dirs.push(root);
  mkdirSync(path.join(root, '.git'));
  for (const [name, version] of Object.entries(packages)) {
    mkdirSync(path.join(root, 'node_modules', name), { recursive: true });
    writeFileSync(path.join(root, 'node_modules', name, 'package.json'), JSON.stringify({ name, version }));
  }
  return root;
}

const target: CatalogTarget = {
  language: 'typescript',
  moduleSystem: 'cjs',
  importSuffix: '',
  kitDir: 'src/errors',
  runbookDir: 'docs/runbooks',
  framework: 'express',
  logger: 'console',
  testRunner: 'vitest',
  docsBaseUrl: null,
};

function planned(current: object, extra: Partial<Parameters<typeof planPackageJson>[0]> = {}): Record<string, any> {
  const plan = planPackageJson({ current: JSON.stringify(current, null, 2), projectName: 'app', target, ...extra });
  return JSON.parse(plan!.content);
}

describe('planPackageJson', () => {
  it("adds Express types of the major the project installs", () => {
    expect(planned({ dependencies: { express: '^4.21.2' } }).devDependencies['@types/express']).toMatch(/^\^4\./);
    expect(planned({ dependencies: { express: '~4.18.0' } }).devDependencies['@types/express']).toMatch(/^\^4\./);
    expect(planned({ dependencies: { express: '^5.1.0' } }).devDependencies['@types/express']).toMatch(/^\^5\./);
    expect(planned({ dependencies: { express: 'latest' } }).devDependencies['@types/express']).toMatch(/^\^5\./);
  });

  it('keeps Express types the project already has', () => {
    expect(planned({ dependencies: { express: '^4.21.2' }, devDependencies: { '@types/express': '4.17.0' } }).devDependencies['@types/express']).toBe('4.17.0');
  });

  it("adds pino for a service's kit but not for a library's, which has no logger", () => {
    const pinoTarget = { ...target, framework: 'none' as const, logger: 'pino' as const };
    expect(planned({}, { target: pinoTarget }).dependencies?.pino).toBeDefined();
    expect(planned({}, { target: { ...pinoTarget, profile: 'library' } }).dependencies?.pino).toBeUndefined();
  });

  it('adds the kit to a published files list when placement asks for it, once', () => {
    expect(planned({ files: ['index.js'] }, { publishEntry: 'errors' }).files).toEqual(['index.js', 'errors']);
    expect(planned({ files: ['index.js', 'errors'] }, { publishEntry: 'errors' }).files).toEqual(['index.js', 'errors']);
    expect(planned({}, { publishEntry: 'errors' }).files).toBeUndefined();
  });

  it('adds Node types only when the project neither declares nor has them installed, and says why', () => {
    const nodeTarget = { ...target, framework: 'none' as const };
    const none = planPackageJson({ current: '{}\n', projectName: 'app', target: nodeTarget, root: installed({ typescript: '5.8.3' }) })!;
    expect(none.added.map((d) => d.name)).toEqual(['@types/node']);
    expect(dependencyNotes(none.added)[0]).toMatch(/^added @types\/node to devDependencies: the kit imports Node's built-in modules/);
    expect(planPackageJson({ current: '{}\n', projectName: 'app', target: nodeTarget, root: installed({ typescript: '5.8.3', '@types/node': '22.1.0' }) })?.added ?? []).toEqual([]);
    const declared = JSON.stringify({ devDependencies: { '@types/node': '^18.0.0', typescript: '^5.0.0' } });
    expect(planPackageJson({ current: declared, projectName: 'app', target: nodeTarget, scripts: false })).toBeUndefined();
  });

  it("adds no Node types when the project's own TypeScript already imports Node's modules: its compiler sees them", () => {
    const root = installed({ typescript: '5.8.3' });
    mkdirSync(path.join(root, 'src'));
    writeFileSync(path.join(root, 'src/request-id.ts'), "import { randomUUID } from 'node:crypto';\nexport const id = () => randomUUID();\n");
    const plan = planPackageJson({ current: '{}\n', projectName: 'app', target: { ...target, framework: 'none' }, root });
    expect(plan?.added).toEqual([]);
  });

  it("picks Node types for the oldest Node the project's engines allow", () => {
    const nodeTarget = { ...target, framework: 'none' as const };
    expect(planned({ engines: { node: '>=18.18' } }, { target: nodeTarget }).devDependencies['@types/node']).toBe('^18.0.0');
  });

  it('takes the Express major from the installed Express when the range says nothing', () => {
    const plan = planPackageJson({ current: JSON.stringify({ dependencies: { express: 'latest' } }), projectName: 'app', target, root: installed({ express: '4.21.2' }) })!;
    expect(JSON.parse(plan.content).devDependencies['@types/express']).toMatch(/^\^4\./);
  });

  it('adds pino to dependencies when it is only a devDependency: the kit requires it when the code runs', () => {
    const pinoTarget = { ...target, framework: 'none' as const, logger: 'pino' as const };
    const plan = planPackageJson({ current: JSON.stringify({ devDependencies: { pino: '^9.5.0' } }), projectName: 'app', target: pinoTarget })!;
    expect(JSON.parse(plan.content).dependencies).toEqual({ pino: '^9.5.0' });
    expect(dependencyNotes(plan.added)).toContain("added pino to dependencies: the kit's logger requires pino at run time, and it was only a devDependency");
  });

  it('changes nothing in the file but the lines it adds: tabs, arrays on one line and key order stay', () => {
    const current = '{\n\t"name": "app",\n\t"keywords": ["errors", "kit"],\n\t"files": ["dist"],\n\t"scripts": {\n\t\t"test": "vitest run"\n\t},\n\t"devDependencies": {\n\t\t"vitest": "^3.0.0"\n\t}\n}\n';
    const plan = planPackageJson({ current, projectName: 'app', target: { ...target, framework: 'none' }, publishEntry: 'errors' })!;
    expect(plan.content).toBe(
      '{\n\t"name": "app",\n\t"keywords": ["errors", "kit"],\n\t"files": ["dist", "errors"],\n\t"scripts": {\n\t\t"test": "vitest run",\n\t\t"test:errors": "vitest run src/errors/kit.test.ts"\n\t},\n' +
        '\t"devDependencies": {\n\t\t"vitest": "^3.0.0",\n\t\t"typescript": "^5.9.3",\n\t\t"@types/node": "^20.19.0"\n\t}\n}\n',
    );
  });
});
