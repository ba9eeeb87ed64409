import { readFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../package-root.js';
import { docsUrl } from './docs-url.js';

interface PackageJson {
  version: string;
  repository?: string | { url?: string };
}

let cached: PackageJson | undefined;

/** faultline's own package.json: its version, and where its docs live when it says so. */
export function ownPackageJson(): PackageJson {
  cached ??= JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as PackageJson;
  return cached;
}

/** The web page of one of faultline's docs pages (`docs/rules/<id>.md`), as of the installed version. */
export function ownDocsUrl(docsPath: string): string | undefined {
  const { repository, version } = ownPackageJson();
  return docsUrl(repository, docsPath, version);
}
