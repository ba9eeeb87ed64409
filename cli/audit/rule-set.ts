/**
 * The rules one audit runs: every transform (whose findings `migrate` can fix) and every audit-only
 * rule, minus those the catalog turns off, each with the level it reports at.
 */
import type { Severity, TransformModule } from '../../transforms/types.js';
import { allTransforms } from '../../transforms/javascript/registry.js';
import { createAuditRules } from '../../transforms/javascript/rules/registry.js';
import type { AuditRule } from '../../transforms/javascript/rules/types.js';
import { allPythonRules } from '../../transforms/python/registry.js';
import type { PythonRule } from '../../transforms/python/types.js';
import { checkRuleIds, type AuditConfig } from './config.js';
import { ownDocsUrl } from './own-package.js';

/** A rule as reports describe it. */
export interface RuleDescriptor {
  id: string;
  title: string;
  description: string;
  /** The level its findings get: the catalog's when set there, else the rule's own. */
  level: Severity;
  /** Path of the docs page relative to faultline's package root. */
  docs: string;
  /** The docs page on the web, as of the installed version (when faultline's package.json names its repository). */
  docsUrl?: string;
  /** Whether `faultline migrate` has a transform for this smell. */
  fixable: boolean;
  /**
   * Whether that transform can change what the code does (which errors are caught, which classes are
   * thrown): `migrate` runs it only when asked with `--transform`. Absent in reports made before it was.
   */
  changesBehaviour?: boolean;
}

export interface AuditRuleSet {
  transforms: TransformModule[];
  rules: AuditRule[];
  /** Rules for Python files. */
  python: PythonRule[];
  /** Transforms first, then audit-only rules, then Python rules, in their catalogue order. */
  descriptors: RuleDescriptor[];
  /** Levels that replace the severity of every finding of a rule. */
  overrides: Map<string, Severity>;
}

export function buildRuleSet(config: AuditConfig, transforms: TransformModule[] = allTransforms): AuditRuleSet {
  const rules = createAuditRules({ maxTryStatements: config.maxTryStatements });
  checkRuleIds(config, [...transforms, ...rules, ...allPythonRules].map((module) => module.meta.id));
  const enabled = (module: Pick<AuditRule, 'meta'>): boolean => config.levels[module.meta.id] !== 'off';
  const set: AuditRuleSet = {
    transforms: transforms.filter(enabled),
    rules: rules.filter(enabled),
    python: allPythonRules.filter(enabled),
    descriptors: [],
    overrides: new Map(),
  };
  const describe = (module: Pick<AuditRule, 'meta'>, fixable: boolean): void => {
    const { id, title, description, docs, severity, changesBehaviour } = module.meta;
    // Off rules were filtered out above, so a configured level here is a severity.
    const configured = config.levels[id] as Severity | undefined;
    if (configured !== undefined) set.overrides.set(id, configured);
    const url = ownDocsUrl(docs);
    set.descriptors.push({ id, title, description, level: configured ?? severity, docs, ...(url === undefined ? {} : { docsUrl: url }), fixable, changesBehaviour: fixable && changesBehaviour });
  };
  for (const transform of set.transforms) describe(transform, true);
  for (const rule of set.rules) describe(rule, false);
  for (const rule of set.python) describe(rule, rule.fix !== undefined);
  return set;
}
