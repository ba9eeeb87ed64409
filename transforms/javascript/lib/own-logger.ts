/**
 * A project's own logger: a file that imports one and logs with it has chosen where its messages go,
 * and a rewrite that logs elsewhere (the kit's logger, reportError) would split them in two — unless
 * the catalog says the kit writes through that logger (`target.logger` "project").
 */
import type { File } from '@babel/types';
import type { KitLocation } from '../../types.js';

/** Names a project's own logger goes by. */
const LOGGER_NAMES = new Set(['log', 'logger', 'logging', 'Logger', 'Log']);

/**
 * The name of a logger the file imports from somewhere other than the kit and logs with
 * (`const { log } = require('../util')` and `log.error(…)`), if it has one.
 */
export function ownLoggerOf(ast: File, source: string): string | undefined {
  for (const statement of ast.program.body) {
    const names: string[] = [];
    if (statement.type === 'ImportDeclaration' && !/\/errors(\/index(\.[cm]?[jt]s)?)?$/.test(statement.source.value)) {
      for (const specifier of statement.specifiers) names.push(specifier.local.name);
    }
    if (statement.type === 'VariableDeclaration') {
      for (const declarator of statement.declarations) {
        const init = declarator.init;
        if (init?.type !== 'CallExpression' || init.callee.type !== 'Identifier' || init.callee.name !== 'require') continue;
        const [from] = init.arguments;
        if (from?.type === 'StringLiteral' && /\/errors(\/index(\.[cm]?[jt]s)?)?$/.test(from.value)) continue;
        if (declarator.id.type === 'Identifier') names.push(declarator.id.name);
        if (declarator.id.type === 'ObjectPattern') {
          for (const property of declarator.id.properties) if (property.type === 'ObjectProperty' && property.value.type === 'Identifier') names.push(property.value.name);
        }
      }
    }
    const logger = names.find((name) => LOGGER_NAMES.has(name) && new RegExp(`\\b${name}\\.(error|warn|info|debug|trace|fatal)\\(`).test(source));
    if (logger !== undefined) return logger;
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
