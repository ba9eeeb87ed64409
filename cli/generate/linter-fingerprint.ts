import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ProjectLinter } from '../project/linter.js';
import { isRecord } from '../project/read-json-file.js';
import { repositoryAncestors } from '../project/repository-ancestors.js';
import { digestOf } from './format-digest.js';

/** Files a linter reads its rules from, in any folder from the project up to its repository root. */
const LINTER_CONFIG = /^(?:\.eslintrc(?:\..+)?|eslint\.config\.[cm]?[jt]s|biome\.jsonc?|\.xo-config(?:\..+)?|xo\.config\.[cm]?[jt]s)$/;
/** Packages whose version can change what a linter's fixer writes: the linter, its plugins and shared configs. */
const LINTER_PACKAGE = /eslint|prettier|biome|standard|stylistic|^xo$/;

const fingerprints = new Map<string, string>();

export function forgetLinterFingerprints(): void {
  fingerprints.clear();
}

/**
 * What the project's linter fixer depends on, as one digest: which linter it is, the installed
 * versions of it and of the plugins and configs the project depends on, and its configuration
 * files. Other changes to package.json (a version bump, a new dependency) leave it as it was, so
 * they do not make every generated file look formatted for another setup.
 */
export function linterFingerprint(root: string, linter: ProjectLinter): string {
  const key = `${path.resolve(root)}\0${linter.kind}`;
  let fingerprint = fingerprints.get(key);
  if (fingerprint === undefined) {
    fingerprint = digestOf(...linterInputs(path.resolve(root), linter));
    fingerprints.set(key, fingerprint);
  }
  return fingerprint;
}

function linterInputs(root: string, linter: ProjectLinter): string[] {
  const ancestors = repositoryAncestors(root);
  const parts = [linter.kind, linter.packageName];
  const packages = new Set<string>([linter.packageName]);
  for (const dir of ancestors) {
    const where = path.relative(root, dir);
    for (const name of readdirSync(dir).filter((entry) => LINTER_CONFIG.test(entry)).sort()) {
      parts.push(path.join(where, name), readText(path.join(dir, name)));
    }
    const manifest = readManifest(path.join(dir, 'package.json'));
    parts.push(JSON.stringify(manifest.eslintConfig ?? null), JSON.stringify(manifest.xo ?? null));
    for (const field of ['dependencies', 'devDependencies']) {
      const section = manifest[field];
      if (isRecord(section)) for (const name of Object.keys(section)) if (LINTER_PACKAGE.test(name)) packages.add(name);
    }
  }
  for (const name of [...packages].sort()) parts.push(name, installedVersion(ancestors, name));
  return parts;
}

function installedVersion(ancestors: string[], name: string): string {
  for (const dir of ancestors) {
    const manifestPath = path.join(dir, 'node_modules', name, 'package.json');
    if (existsSync(manifestPath)) return String(readManifest(manifestPath).version ?? '');
  }
  return '';
}

function readManifest(file: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return isRecord(parsed) ? parsed : {};
  } catch {
    return {};
  }
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
