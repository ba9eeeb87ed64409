/**
 * The `audit` section of the catalog: which rules run and how loudly, and the limit `broad-try` uses.
 * Audit works without a catalog: every rule runs at its own severity.
 */
import path from 'node:path';
import { CATALOG_FILE, findCatalog, loadCatalog } from '../catalog/load.js';
import { closestName } from '../catalog/closest-name.js';
import type { AuditLevel } from '../catalog/model.js';
import { UsageError } from '../errors.js';
import { resolveWorkingDirectory } from '../migrate/project.js';

export interface AuditConfig {
  /** Levels set in the catalog, by rule id; rules not listed keep their own severity. */
  levels: Record<string, AuditLevel>;
  maxTryStatements?: number;
}

/** The audit settings of the catalog that governs `cwd`, or none when there is no catalog. */
export function loadAuditConfig(cwd: string): AuditConfig {
  const catalogPath = findCatalog(resolveWorkingDirectory(cwd));
  if (catalogPath === undefined) return { levels: {} };
  const { catalog } = loadCatalog(path.dirname(catalogPath));
  const config: AuditConfig = { levels: { ...(catalog.audit?.rules ?? {}) } };
  if (catalog.audit?.maxTryStatements !== undefined) config.maxTryStatements = catalog.audit.maxTryStatements;
  return config;
}

/** A level set for a rule that does not exist is a typo that would silently do nothing. */
export function checkRuleIds(config: AuditConfig, knownIds: readonly string[]): void {
  const known = new Set(knownIds);
  for (const id of Object.keys(config.levels)) {
    if (known.has(id)) continue;
    const suggestion = closestName(id, knownIds);
    const hint = suggestion === undefined ? `rules: ${knownIds.join(', ')}` : `did you mean ${suggestion}?`;
    throw new UsageError(`${CATALOG_FILE}: audit.rules names an unknown rule "${id}" — ${hint}`);
  }
}
