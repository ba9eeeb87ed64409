// Bundles what the package ships to run: the `faultline` command (tsc's dist/cli/bin.js) into
// dist/bin/faultline.js; in the same build, the library API (dist/cli/api.js) into dist/lib/index.js;
// and each transform as a standalone jscodeshift module into dist/lib/transforms/<id>.cjs.
//
// Why one file: every run starts by loading the command's code, and as ~90 separate ES modules plus
// the CommonJS files of its dependencies that took ~0.1 s before the first file was read — about a
// twelfth of an audit of a few thousand files (npm run bench:audit). As one file, it takes a third.
// Commands load what only they need with dynamic `import()`; those imports become chunks next to the
// bundle, loaded only when that command runs. Code the command and the API share is
// one set of chunks in dist/bin/, so the package carries it once.
//
// The dependencies every run loads at start are bundled in and are devDependencies, so installing
// faultline does not install them a second time; every other dependency stays a package of its own,
// loaded on demand. tsc's dist/cli and dist/transforms stay for the tests and benchmarks; the package
// ships only what this script writes (package.json `files`).
//
// Usage: node scripts/bundle-cli.mjs   (part of `npm run build`, after tsc)
import { chmodSync, copyFileSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const dist = path.join(root, 'dist');

/**
 * Dependencies every run loads at start, and node-plop: the generator commands load it on demand (it
 * becomes a chunk), and as a package it would install some fifty more of its own. The others
 * (prettier, the prompt library, @babel/parser, ...) are loaded on demand by the commands that need
 * them and stay packages of their own, so a run that does not need them never reads them.
 */
const BUNDLED = ['commander', 'ignore', 'meriyah', 'picocolors', 'tinyglobby', 'node-plop'];

const installed = BUNDLED.filter((name) => name in (pkg.dependencies ?? {}));
if (installed.length > 0) throw new Error(`scripts/bundle-cli.mjs bundles ${installed.join(', ')}: move them to devDependencies, or drop them from BUNDLED`);
const undeclared = BUNDLED.filter((name) => !(name in (pkg.devDependencies ?? {})));
if (undeclared.length > 0) throw new Error(`scripts/bundle-cli.mjs bundles ${undeclared.join(', ')}, which package.json no longer names; update BUNDLED`);

/** Every transform module: the files directly in dist/transforms/javascript/ except the registry and the types. */
const transformIds = readdirSync(path.join(dist, 'transforms', 'javascript'))
  .filter((name) => name.endsWith('.js') && name !== 'registry.js' && name !== 'types.js')
  .map((name) => name.slice(0, -'.js'.length));

rmSync(path.join(dist, 'bin'), { recursive: true, force: true });
rmSync(path.join(dist, 'lib'), { recursive: true, force: true });
const result = await build({
  entryPoints: {
    'bin/faultline': path.join(dist, 'cli/bin.js'),
    'lib/index': path.join(dist, 'cli/api.js'),
  },
  outdir: dist,
  chunkNames: 'bin/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: Object.keys(pkg.dependencies ?? {}),
  metafile: true,
  // Bundled CommonJS dependencies call `require` for Node's own modules, which an ES module lacks.
  banner: { js: "import { createRequire as createRequireForBundle } from 'node:module';\nconst require = createRequireForBundle(import.meta.url);" },
  logLevel: 'warning',
});

// jscodeshift loads a transform with `require` through @babel/register, which turns ES module syntax
// into CommonJS but leaves `import.meta` alone; Node then takes the file for an ES module and fails.
// So each transform ships as one self-contained CommonJS file, `jscodeshift -t <it>` with any setup.
const standalone = await build({
  entryPoints: Object.fromEntries(transformIds.map((id) => [id, path.join(dist, 'transforms', 'javascript', `${id}.js`)])),
  outdir: path.join(dist, 'lib/transforms'),
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: Object.keys(pkg.dependencies ?? {}),
  metafile: true,
  define: { 'import.meta.url': 'importMetaUrlOfBundle' },
  banner: { js: "const importMetaUrlOfBundle = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
});

// A package the code imports that is neither a dependency nor in BUNDLED would be bundled silently.
const bundledPackages = new Set(
  [...Object.keys(result.metafile.inputs), ...Object.keys(standalone.metafile.inputs)]
    .map((input) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1])
    .filter((name) => name !== undefined),
);
const unexpected = [...bundledPackages].filter((name) => !dependencyClosure(BUNDLED).has(name));
if (unexpected.length > 0) throw new Error(`the bundle took in ${unexpected.join(', ')}: add it to package.json dependencies (to load it from there) or to BUNDLED (and devDependencies)`);

// The API's declarations are written self-contained (see cli/api.ts), so tsc's file is the whole of them.
const declarations = readFileSync(path.join(dist, 'cli/api.d.ts'), 'utf8');
const imported = /^\s*(?:import|export)[^;]*from\s+['"]([^'"]+)['"]/m.exec(declarations);
if (imported) throw new Error(`dist/cli/api.d.ts imports ${imported[1]}: the API's types must be declared in cli/api.ts for dist/lib/index.d.ts to stand alone`);
copyFileSync(path.join(dist, 'cli/api.d.ts'), path.join(dist, 'lib/index.d.ts'));
chmodSync(path.join(dist, 'bin/faultline.js'), 0o755);

/** The packages the given ones depend on, directly or not, as package-lock.json records them. */
function dependencyClosure(names) {
  const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')).packages;
  const seen = new Set();
  const visit = (name, from) => {
    if (seen.has(name)) return;
    seen.add(name);
    // npm nests a package under its dependent when versions clash; the top level otherwise.
    const location = [`${from}/node_modules/${name}`, `node_modules/${name}`].find((key) => key in lock);
    const entry = lock[location] ?? {};
    for (const dependency of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })) visit(dependency, location ?? '');
  };
  for (const name of names) visit(name, '');
  return seen;
}
