import process from 'node:process';

try {
  process.chdir(process.argv[2] ?? '.');
} catch (e) {
  process.exitCode = 1;
}
