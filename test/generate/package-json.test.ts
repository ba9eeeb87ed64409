import { describe, expect, it } from 'vitest';
import type { CatalogTarget } from '../../cli/catalog/model.js';
import { planPackageJson } from '../../cli/generate/package-json.js';

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
});
