// Bundles the `faultline` command (dist/cli/bin.js, as tsc built it) into dist/bin/faultline.js.
//
// Why: every run starts by loading the command's code, and as ~90 separate ES modules plus the
// CommonJS files of its dependencies that took ~0.1 s before the first file was read — about a
// twelfth of an audit of a few thousand files (npm run bench:audit). As one file, it takes a third.
// Commands load what only they need with dynamic `import()`; those imports become chunks next to
// the bundle, loaded only when that command runs. The library API (dist/cli/index.js) and the
// jscodeshift transforms (dist/transforms/*.js) stay as tsc built them.
//
// Usage: node scripts/bundle-cli.mjs   (part of `npm run build`, after tsc)
import { chmodSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const outdir = path.join(root, 'dist/bin');

/**
 * Dependencies every run loads at start, bundled in. The others (prettier, the template and prompt
 * libraries, @babel/parser, ...) are loaded on demand by the commands that need them and stay
 * packages of their own, so a run that does not need them never reads them.
 */
const LOADED_AT_START = ['commander', 'ignore', 'meriyah', 'picocolors', 'tinyglobby'];

const missing = LOADED_AT_START.filter((name) => !(name in pkg.dependencies));
if (missing.length > 0) throw new Error(`scripts/bundle-cli.mjs bundles ${missing.join(', ')}, which package.json no longer depends on; update LOADED_AT_START`);

rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: { faultline: path.join(root, 'dist/cli/bin.js') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: Object.keys(pkg.dependencies).filter((name) => !LOADED_AT_START.includes(name)),
  // Bundled CommonJS dependencies call `require` for Node's own modules, which an ES module lacks.
  banner: { js: "import { createRequire as createRequireForBundle } from 'node:module';\nconst require = createRequireForBundle(import.meta.url);" },
  logLevel: 'warning',
});
chmodSync(path.join(outdir, 'faultline.js'), 0o755);
