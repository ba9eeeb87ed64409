/**
 * The harness's steps for a JavaScript or TypeScript project: node_modules from the lockfile's
 * package manager, the commands package.json names, `npm pack` loaded from a consumer project.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { packAndLoad } from '../pack-load.mjs';
import { detectCommands, detectInstall, detectKind, detectSources, readPackage } from '../project.mjs';

export const javascript = {
  name: 'javascript',
  matches: (dir) => existsSync(path.join(dir, 'package.json')),
  /** Left out of git and of the resets between phases. */
  keep: ['node_modules'],
  /** Lockfiles an install writes that the project does not keep. */
  writtenByInstall: ['package-lock.json', 'pnpm-lock.yaml', 'yarn.lock'],
  toolEnv: (dir, shims) => ({
    CI: 'true',
    COREPACK_DEFAULT_TO_LATEST: '0',
    NO_COLOR: '1',
    FORCE_COLOR: '0',
    HUSKY: '0',
    COREPACK_ENABLE_DOWNLOAD_PROMPT: '0',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    PATH: [path.join(dir, 'node_modules', '.bin'), shims, process.env.PATH].join(path.delimiter),
  }),
  kind: (dir) => detectKind(readPackage(dir)),
  install: (dir, entry) => {
    const detected = detectInstall(dir);
    return { install: entry.install ?? detected.install, reinstall: entry.reinstall ?? detected.reinstall };
  },
  commands: (dir, overrides) => detectCommands(dir, readPackage(dir), overrides),
  sources: (dir, catalog, configured) => detectSources(dir, readPackage(dir), catalog, configured),
  /** What init may change that needs the dependencies installed again. */
  dependencies: (dir) => {
    const p = readPackage(dir);
    return JSON.stringify([p.dependencies, p.devDependencies, p.peerDependencies, p.optionalDependencies]);
  },
  packAndLoad: ({ dir, work, logs, timeoutMs, env }) => packAndLoad({ dir, pkg: readPackage(dir), work, logs, timeoutMs, env }),
};
