/**
 * What the harness needs to know of a real project: its kind, how its dependencies install, and the
 * commands that type-check, lint, test and build it. Read from package.json, lockfiles and tsconfig;
 * an entry in the projects file overrides any of it (many `test` scripts also lint or build).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const SERVER_FRAMEWORKS = ['express', 'fastify', 'koa', 'hono', '@nestjs/core', '@hono/node-server', '@hapi/hapi', 'restify'];
const TYPECHECK_SCRIPTS = ['typecheck', 'type-check', 'check-types', 'types', 'tsc', 'test:tsc', 'lint:types'];

export function readPackage(dir) {
  return JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
}

/** `service` (a server framework it depends on), `cli` (a bin), else `library`. */
export function detectKind(pkg) {
  if (pkg.bin) return 'cli';
  const dependencies = Object.keys(pkg.dependencies ?? {});
  if (SERVER_FRAMEWORKS.some((name) => dependencies.includes(name))) return 'service';
  return 'library';
}

/**
 * The package manager the lockfile asks for, and the commands that install with it. pnpm and yarn
 * run through corepack (the harness puts `pnpm` and `yarn` shims for it on the PATH).
 */
export function detectInstall(dir) {
  const has = (file) => existsSync(path.join(dir, file));
  if (has('package-lock.json') || has('npm-shrinkwrap.json')) return { manager: 'npm', install: 'npm ci', reinstall: 'npm install' };
  if (has('pnpm-lock.yaml')) return { manager: 'pnpm', install: 'pnpm install --frozen-lockfile', reinstall: 'pnpm install --no-frozen-lockfile' };
  if (has('yarn.lock')) return { manager: 'yarn', install: 'yarn install --frozen-lockfile', reinstall: 'yarn install' };
  return { manager: 'npm', install: 'npm install', reinstall: 'npm install' };
}

function scriptCommand(pkg, name) {
  const script = pkg.scripts?.[name];
  if (!script) return null;
  // A lint script that fixes would change the code it is meant to judge.
  if (/\s--fix\b/.test(script)) return script.replace(/\s--fix\b/g, '');
  return `npm run ${name}`;
}

/**
 * @param {string} dir
 * @param {Record<string, unknown>} pkg
 * @param {Record<string, string | null>} overrides commands from the projects file; null means "none"
 */
export function detectCommands(dir, pkg, overrides = {}) {
  const pick = (key, detect) => (key in overrides ? overrides[key] : detect());
  const hasTypeScript = existsSync(path.join(dir, 'node_modules', 'typescript'));
  const devDependencies = { ...pkg.dependencies, ...pkg.devDependencies };
  return {
    typecheck: pick('typecheck', () => {
      const script = TYPECHECK_SCRIPTS.find((name) => pkg.scripts?.[name]);
      if (script) return scriptCommand(pkg, script);
      if (existsSync(path.join(dir, 'tsconfig.json')) && hasTypeScript) return 'tsc --noEmit -p tsconfig.json';
      return null;
    }),
    lint: pick('lint', () => {
      if (pkg.scripts?.lint) return scriptCommand(pkg, 'lint');
      if (devDependencies.standard) return 'standard';
      return null;
    }),
    test: pick('test', () => {
      const script = pkg.scripts?.test;
      if (!script || /no test specified/.test(script)) return null;
      return 'npm test';
    }),
    build: pick('build', () => (pkg.scripts?.build ? 'npm run build' : null)),
  };
}

/**
 * Folders `migrate` is pointed at: the projects file's `sources`, else the folder holding the kit
 * (src/errors → src), else the usual source folders that exist, else the package's own entry files.
 */
export function detectSources(dir, pkg, catalog, configured) {
  if (configured?.length) return configured;
  const found = new Set();
  const kitParent = catalog?.target?.kitDir ? path.posix.dirname(catalog.target.kitDir) : '.';
  if (kitParent !== '.') found.add(kitParent.split('/')[0]);
  for (const candidate of ['src', 'lib', 'source', 'app', 'server']) {
    if (existsSync(path.join(dir, candidate))) found.add(candidate);
  }
  if (found.size > 0) return [...found];
  const entries = [pkg.main, ...Object.values(typeof pkg.bin === 'string' ? { bin: pkg.bin } : pkg.bin ?? {})]
    .filter(Boolean)
    .map((entry) => path.posix.normalize(entry))
    .filter((entry) => existsSync(path.join(dir, entry)));
  if (entries.length === 0 && existsSync(path.join(dir, 'index.js'))) entries.push('index.js');
  return entries.length > 0 ? [...new Set(entries)] : ['.'];
}
