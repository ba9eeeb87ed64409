// Runs a real migration in its own process, so a test can kill it part-way through writing.
// Loads the TypeScript sources through vite (already installed for vitest) instead of a build.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const load = async (file) => (await runnerImport(path.join(repo, file), { root: repo, configFile: false, logLevel: 'silent' })).module;

const projectRoot = process.argv[2];
const { runMigrate } = await load('cli/migrate/run.ts');
const { reportEmptyCatch } = await load('test/migrate/helpers.ts');

process.stdout.write('ready\n');
await runMigrate({
  cwd: projectRoot,
  force: true,
  available: [reportEmptyCatch],
  onProgress: (progress) => {
    if (progress.phase === 'write') process.stdout.write(`wrote ${progress.done}\n`);
  },
});
process.stdout.write('finished\n');
