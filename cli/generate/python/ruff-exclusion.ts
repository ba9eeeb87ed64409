import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { DesiredFile } from '../../fs/file-changes.js';
import { parseToml, tomlTable, TomlSyntaxError, type TomlTable } from '../../project/python/pyproject-toml.js';

/**
 * The kit is written black-style at 99 columns with a blanket `# flake8: noqa` in each file, which
 * keeps flake8 and ruff's default rules quiet but not `ruff format` (it would reformat the kit, and
 * `check` would then see drift) nor ruff's opt-in PGH004 (which reports the blanket noqa itself).
 * In a project that configures ruff, `init` therefore adds the kit's folder to ruff's
 * `extend-exclude`, where the team sees it and can take it out.
 */
export interface RuffExclusion {
  /** The ruff configuration with the kit's folder excluded; absent when it already is or could not be edited. */
  file?: DesiredFile;
  note: string;
}

const RUFF_FILES = ['ruff.toml', '.ruff.toml'];

export function planRuffExclusion(root: string, kitDir: string): RuffExclusion | undefined {
  const dir = kitDir.replace(/\/+$/, '');
  const own = RUFF_FILES.find((name) => existsSync(path.join(root, name)));
  const name = own ?? 'pyproject.toml';
  const file = path.join(root, name);
  if (!existsSync(file)) return undefined;
  const text = readFileSync(file, 'utf8');
  const settings = ruffSettings(text, own !== undefined);
  if (settings === undefined) return undefined;
  const listed = [settings.exclude, settings['extend-exclude']].flatMap((value) => (Array.isArray(value) ? value : []));
  if (listed.some((entry) => typeof entry === 'string' && [dir, `${dir}/`, `${dir}/**`].includes(entry.replace(/^\.\//, '')))) return undefined;
  const edited = withExtendExclude(text, own !== undefined, dir);
  const said = `${dir} is added to ruff's extend-exclude in ${name}: the kit is generated at 99 columns, so neither \`ruff check\` nor \`ruff format\` should judge or reformat it`;
  if (edited !== null) return { file: { path: name, content: edited, kind: 'merged' }, note: said };
  return { note: `add "${dir}" to ruff's extend-exclude in ${name}: the kit is generated at 99 columns, and \`ruff format\` would otherwise reformat it` };
}

/** Ruff's settings table: the whole file for ruff.toml, `[tool.ruff]` in pyproject.toml; undefined when there is none. */
function ruffSettings(text: string, ownFile: boolean): TomlTable | undefined {
  try {
    const parsed = parseToml(text);
    return ownFile ? parsed : tomlTable(parsed, ['tool', 'ruff']);
  } catch (error) {
    if (error instanceof TomlSyntaxError) return undefined;
    throw error;
  }
}

/**
 * The text with `dir` added to `extend-exclude`: into a one-line array the table already has, or as
 * a new key right after the table's header (ruff.toml: before its first table). Null when the result
 * would not read back with the folder excluded (a multi-line array, an unusual layout).
 */
function withExtendExclude(text: string, ownFile: boolean, dir: string): string | null {
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  const entry = JSON.stringify(dir);
  const headerIndex = ownFile ? -1 : lines.findIndex((line) => /^\s*\[tool\.ruff\]\s*(#.*)?$/.test(line));
  const end = lines.findIndex((line, index) => index > headerIndex && /^\s*\[/.test(line));
  const tableEnd = end === -1 ? lines.length : end;
  const keyIndex = lines.findIndex((line, index) => index > headerIndex && index < tableEnd && /^\s*extend-exclude\s*=/.test(line));
  if (keyIndex !== -1) {
    const line = lines[keyIndex] as string;
    if (!/\]\s*(#.*)?$/.test(line)) return null;
    lines[keyIndex] = line.replace(/=\s*\[\s*/, (opening) => `${opening}${entry}${/\[\s*\]/.test(line) ? '' : ', '}`);
  } else if (ownFile) {
    lines.splice(0, 0, `extend-exclude = [${entry}]`);
  } else if (headerIndex !== -1) {
    lines.splice(headerIndex + 1, 0, `extend-exclude = [${entry}]`);
  } else {
    return null;
  }
  const edited = lines.join(newline);
  const settings = ruffSettings(edited, ownFile);
  const excluded = settings?.['extend-exclude'];
  return Array.isArray(excluded) && excluded.includes(dir) ? edited : null;
}
