/**
 * A project's own logger: a file that imports one and logs with it has chosen where its messages go,
 * and a rewrite that logs elsewhere (the kit's logger, reportError) would split them in two — unless
 * the catalog says the kit writes through that logger (`target.logger` "project").
 */
import type { File } from '@babel/types';
import type { KitLocation } from '../../types.js';
import { moduleBindingsOf } from './module-bindings.js';

/** Names a project's own logger goes by. */
const LOGGER_NAMES = new Set(['log', 'logger', 'logging', 'Logger', 'Log']);
/** The kit's own module, `…/errors` or its index: what it exports is not the file's own logger. */
const KIT_MODULE = /\/errors(\/index(\.[cm]?[jt]s)?)?$/;

/**
 * The name of a logger the file imports from somewhere other than the kit and logs with
 * (`const { log } = require('../util')` and `log.error(…)`), if it has one.
 */
export function ownLoggerOf(ast: File, source: string): string | undefined {
  for (const binding of moduleBindingsOf(ast)) {
    if (KIT_MODULE.test(binding.source) || !LOGGER_NAMES.has(binding.local)) continue;
    if (new RegExp(`\\b${binding.local}\\.(error|warn|info|debug|trace|fatal)\\(`).test(source)) return binding.local;
  }
  return undefined;
}

/**
 * Why a rewrite that reports through the kit is left alone in this file, when it logs through a
 * logger of its own that the kit does not write through.
 */
export function ownLoggerReason(ast: File, source: string, kit: KitLocation): string | undefined {
  if (kit.projectLogger === true) return undefined;
  const own = ownLoggerOf(ast, source);
  if (own !== undefined) {
    return `this file logs through its own \`${own}\`; report the error through it by hand (or name that logger in the catalog, target.logger "project", so reportError writes through it)`;
  }
  return projectLoggerReason(kit);
}

/**
 * Why a rewrite that logs through the kit is left alone anywhere in a project whose code logs
 * through a logger of its own that the kit does not write through: the kit's lines would go
 * elsewhere than every other line the project writes.
 */
export function projectLoggerReason(kit: KitLocation): string | undefined {
  if (kit.projectLogger === true) return undefined;
  const found = kit.projectLoggerInCode?.();
  if (found === undefined) return undefined;
  return `the project logs through its own \`${found.export === 'default' ? 'logger' : found.export}\` (${found.path}), which the kit does not write through; run \`faultline init\` again or set target.logger "project" in the catalog so the kit writes through it`;
}
