/**
 * A logger the project already has: a module of its own (`src/log.ts`, `lib/logger.js`) that its
 * code imports across files. When there is one, the kit writes through it instead of adding a
 * second, unrelated logger beside it. Found from what the code imports, not from dependencies:
 * a `winston` dependency says nothing about which instance the application logs with.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from '@babel/parser';
import type { ProjectLogger } from '../catalog/model.js';
import { RELATIVE_SPECIFIER } from './import-style.js';

/** A module imported by fewer files than this is a helper of a few, not the project's logger. */
const MIN_IMPORTERS = 3;
const SAMPLE_FILES = 400;
const HEAD_BYTES = 16 * 1024;

// The last segment of a specifier naming a logger module: log, logger, logging, with an extension or /index.
const LOGGER_MODULE = /^(?:log|logger|logging)(?:\.[cm]?[jt]s)?$/;
const FIELDS_FIRST = new Set(['pino', 'bunyan']);
const MESSAGE_FIRST = new Set(['winston', 'log4js', 'loglevel', 'signale', 'consola', 'tslog', 'roarr']);
const RESOLVE_EXTENSIONS = ['', '.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs', '.jsx'];

export interface FoundProjectLogger extends ProjectLogger {
  /** How many of the sampled files import it. */
  importers: number;
  /** The logging library it wraps, when it imports one. */
  library?: string;
}

export function findProjectLogger(root: string, files: string[]): FoundProjectLogger | undefined {
  const importers = new Map<string, Set<string>>();
  for (const file of files.slice(0, SAMPLE_FILES)) {
    const text = readHead(path.join(root, file));
    for (const match of text.matchAll(RELATIVE_SPECIFIER)) {
      const specifier = match[2]!.replace(/\/index(?:\.[cm]?[jt]s)?$/, '');
      if (!LOGGER_MODULE.test(specifier.slice(specifier.lastIndexOf('/') + 1))) continue;
      const resolved = resolveModule(root, path.posix.dirname(file), match[2]!);
      if (resolved === undefined || resolved === file) continue;
      const set = importers.get(resolved) ?? new Set<string>();
      set.add(file);
      importers.set(resolved, set);
    }
  }
  const [best] = [...importers.entries()].sort((a, b) => b[1].size - a[1].size || (a[0] < b[0] ? -1 : 1));
  if (!best || best[1].size < MIN_IMPORTERS) return undefined;
  const [modulePath, users] = best;
  const shape = loggerShape(path.join(root, modulePath));
  if (!shape) return undefined;
  return { path: modulePath, export: shape.exportName, style: shape.style, importers: users.size, ...(shape.library ? { library: shape.library } : {}) };
}

function resolveModule(root: string, fromDir: string, specifier: string): string | undefined {
  const base = path.posix.normalize(path.posix.join(fromDir, specifier));
  if (base.startsWith('..')) return undefined;
  // TypeScript sources import `./log.js` for `./log.ts`.
  const stems = /\.[cm]?js$/.test(base) ? [base, base.replace(/\.([cm]?)js$/, '.$1ts')] : [base];
  for (const stem of stems) {
    for (const candidate of [...RESOLVE_EXTENSIONS.map((ext) => stem + ext), ...RESOLVE_EXTENSIONS.slice(1).map((ext) => `${stem}/index${ext}`)]) {
      const absolute = path.join(root, candidate);
      if (existsSync(absolute) && statSync(absolute).isFile() && !/\.d\.[cm]?ts$/.test(candidate)) return candidate;
    }
  }
  return undefined;
}

interface LoggerShape {
  exportName: string;
  style: ProjectLogger['style'];
  library?: string;
}

/** Which export of the module is the logger and how it takes its arguments; undefined when it exports none we can tell. */
function loggerShape(file: string): LoggerShape | undefined {
  let program;
  try {
    program = parse(readFileSync(file, 'utf8'), {
      sourceType: 'unambiguous',
      plugins: /\.[cm]?tsx?$/.test(file) ? ['typescript', 'jsx'] : ['jsx'],
      errorRecovery: true,
    }).program;
  } catch {
    return undefined;
  }
  let library: string | undefined;
  const exports: string[] = [];
  for (const statement of program.body) {
    if (statement.type === 'ImportDeclaration') library ??= knownLibrary(statement.source.value);
    if (statement.type === 'VariableDeclaration') {
      for (const declarator of statement.declarations) {
        const init = declarator.init;
        if (init?.type === 'CallExpression' && init.callee.type === 'Identifier' && init.callee.name === 'require' && init.arguments[0]?.type === 'StringLiteral') {
          library ??= knownLibrary(init.arguments[0].value);
        }
      }
    }
    if (statement.type === 'ExportDefaultDeclaration') exports.push('default');
    if (statement.type === 'ExportNamedDeclaration') {
      if (statement.declaration?.type === 'VariableDeclaration') {
        for (const declarator of statement.declaration.declarations) if (declarator.id.type === 'Identifier') exports.push(declarator.id.name);
      } else if (statement.declaration && 'id' in statement.declaration && statement.declaration.id?.type === 'Identifier') {
        exports.push(statement.declaration.id.name);
      }
      for (const specifier of statement.specifiers) {
        if (specifier.type === 'ExportSpecifier') exports.push(specifier.exported.type === 'Identifier' ? specifier.exported.name : specifier.exported.value);
      }
    }
    if (statement.type === 'ExpressionStatement' && statement.expression.type === 'AssignmentExpression') {
      const target = statement.expression.left;
      if (target.type !== 'MemberExpression' || target.property.type !== 'Identifier') continue;
      const isModuleExports = target.object.type === 'Identifier' && target.object.name === 'module' && target.property.name === 'exports';
      if (isModuleExports) {
        const value = statement.expression.right;
        if (value.type === 'ObjectExpression') {
          const keys = value.properties.flatMap((property) =>
            (property.type === 'ObjectProperty' || property.type === 'ObjectMethod') && property.key.type === 'Identifier' ? [property.key.name] : [],
          );
          exports.push(...keys);
          // An object of logging methods is itself the logger the module exports.
          if (keys.includes('error') && (keys.includes('info') || keys.includes('warn'))) exports.push('default');
        } else {
          exports.push('default');
        }
      } else if (target.object.type === 'Identifier' && target.object.name === 'exports') {
        exports.push(target.property.name);
      } else if (target.object.type === 'MemberExpression' && target.object.object.type === 'Identifier' && target.object.object.name === 'module') {
        exports.push(target.property.name);
      }
    }
  }
  const exportName = ['logger', 'log', 'default'].find((name) => exports.includes(name));
  if (exportName === undefined) return undefined;
  const style: ProjectLogger['style'] = library !== undefined && FIELDS_FIRST.has(library) ? 'fields-first' : 'message-first';
  return { exportName, style, ...(library ? { library } : {}) };
}

function knownLibrary(source: string): string | undefined {
  const name = source.startsWith('@') ? source.split('/').slice(0, 2).join('/') : source.split('/')[0]!;
  return FIELDS_FIRST.has(name) || MESSAGE_FIRST.has(name) ? name : undefined;
}

function readHead(file: string): string {
  try {
    return readFileSync(file, 'utf8').slice(0, HEAD_BYTES);
  } catch {
    return '';
  }
}
