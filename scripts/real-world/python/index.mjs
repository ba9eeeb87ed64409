/**
 * The harness's steps for a Python project: a virtual environment inside the copy, dependencies
 * from PyPI as the project documents them, its pytest (or unittest) suite and configured linters,
 * and its wheel loaded from outside the checkout.
 */
import path from 'node:path';
import { packAndLoad } from './pack-load.mjs';
import { detectCommands, detectInstall, detectKind, detectSources, isPythonProject, readPyproject, toolEnv, VENV } from './project.mjs';

export const python = {
  name: 'python',
  matches: isPythonProject,
  // An editable install's metadata lives beside the sources; removing it would break the install.
  keep: [VENV, '*.egg-info'],
  writtenByInstall: [],
  toolEnv: (dir) => toolEnv(dir),
  kind: (dir) => detectKind(dir),
  /** The projects file's `install` runs inside the virtual environment too, once it is made. */
  install: (dir, entry) => {
    const install = `python3 -m venv ${VENV} && . ${path.posix.join(VENV, 'bin', 'activate')} && ${entry.install ?? detectInstall(dir)}`;
    return { install, reinstall: install };
  },
  commands: (dir, overrides) => detectCommands(dir, overrides),
  sources: (dir, catalog, configured) => detectSources(dir, catalog, configured),
  /** init never adds a Python dependency; the declared ones are compared all the same. */
  dependencies: (dir) => JSON.stringify(readPyproject(dir).project?.dependencies ?? null),
  packAndLoad: ({ dir, work, logs, timeoutMs, env }) => packAndLoad({ dir, work, logs, timeoutMs, env }),
};

