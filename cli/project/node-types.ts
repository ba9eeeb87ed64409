/**
 * Whether the project's TypeScript already compiles against Node's types without declaring
 * `@types/node`: its own code imports Node's built-in modules, so its compiler finds the types
 * some other way (a framework's types referencing them, a workspace root's install, a package
 * manager that keeps them out of the project's node_modules). The kit's imports of Node's
 * modules then compile as well, and adding the package would only rewrite the lockfile.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { isToolConfig, listSourceFiles } from './source-files.js';

const SAMPLE_FILES = 200;
const HEAD_BYTES = 16 * 1024;
// Modules only Node has; `events`, `buffer` or `util` are also browser packages and prove nothing.
const NODE_ONLY = new Set(['fs', 'fs/promises', 'path', 'http', 'https', 'http2', 'crypto', 'child_process', 'os', 'net', 'tls', 'dns', 'zlib', 'stream', 'readline', 'cluster', 'worker_threads', 'async_hooks', 'perf_hooks', 'module', 'vm', 'v8']);
const SPECIFIER = /(?:\bfrom|\bimport\s*\(|\brequire\s*\()\s*(['"])([^'"\n]+)\1/g;

export function compilesAgainstNodeTypes(root: string): boolean {
  const files = listSourceFiles(root).typescript.filter((file) => !isToolConfig(file)).slice(0, SAMPLE_FILES);
  const buffer = Buffer.alloc(HEAD_BYTES);
  return files.some((file) => {
    const text = readHead(path.join(root, file), buffer);
    for (const match of text.matchAll(SPECIFIER)) {
      const specifier = match[2]!;
      if (specifier.startsWith('node:') || NODE_ONLY.has(specifier)) return true;
    }
    return false;
  });
}

function readHead(file: string, buffer: Buffer): string {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const length = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.toString('utf8', 0, length);
  } catch {
    return '';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
