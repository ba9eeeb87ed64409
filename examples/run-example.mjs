// Shows faultline's main job on a legacy project: copies examples/legacy-app/js to
// examples/demo-output, gives it the error kit (`init --yes`), and prints the diff
// `migrate --dry-run` would apply. Needs the built command (`npm run build`).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(repo, 'dist', 'bin', 'faultline.js');
const source = path.join(repo, 'examples', 'legacy-app', 'js');
const demo = path.join(repo, 'examples', 'demo-output');

if (!existsSync(bin)) {
  console.error('error: faultline is not built yet — run `npm run build` first (or `npm run example`, which builds)');
  process.exit(2);
}

// The demo folder is generated output, ignored by this repository's git; each run starts from a fresh copy.
rmSync(demo, { recursive: true, force: true });
cpSync(source, demo, { recursive: true, filter: (file) => !file.includes(`${path.sep}node_modules`) });

// A repository of its own: migrate reads .gitignore files from the repository's top, and this one's
// would hide the whole folder. Committing also gives migrate the clean tree it asks for.
function git(...args) {
  execFileSync('git', ['-c', 'user.name=faultline example', '-c', 'user.email=example@example.com', '-c', 'commit.gpgsign=false', ...args], {
    cwd: demo,
    stdio: 'ignore',
  });
}
git('init', '-q');
git('add', '--all');
git('commit', '-q', '-m', 'legacy project');

function faultline(...args) {
  console.log(`\n$ faultline ${args.join(' ')}    # in examples/demo-output\n`);
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: demo, stdio: 'inherit', env: { ...process.env, CI: '1' } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

faultline('init', '--yes');
git('add', '--all');
git('commit', '-q', '-m', 'add the error kit');
faultline('migrate', 'src', '--dry-run');

console.log(`
Nothing was written by the dry run. To apply it and run the project's own tests:

  cd examples/demo-output && node ../../dist/bin/faultline.js migrate src && npm test
`);
