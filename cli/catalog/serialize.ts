import type { Catalog, CatalogAudit, CatalogErrorEntry, CatalogMapping, CatalogRunbookExtra, CatalogTarget } from './model.js';

/**
 * The catalog as written to disk: fixed key order, 2-space indent, trailing newline. Same
 * catalog, same bytes, so regenerating never shows up as a diff and users can review edits
 * that `faultline add` makes. Error and mapping order is the user's and is kept.
 */
export function serializeCatalog(catalog: Catalog): string {
  return `${JSON.stringify(orderCatalog(catalog), null, 2)}\n`;
}

function orderCatalog(catalog: Catalog): Catalog {
  return compact({
    $schema: catalog.$schema,
    version: catalog.version,
    target: orderTarget(catalog.target),
    errors: catalog.errors.map(orderError),
    mappings: (catalog.mappings ?? []).map(orderMapping),
    audit: catalog.audit === undefined ? undefined : orderAudit(catalog.audit),
  });
}

function orderTarget(target: CatalogTarget): CatalogTarget {
  return compact({
    language: target.language,
    moduleSystem: target.moduleSystem,
    importSuffix: target.importSuffix,
    kitDir: target.kitDir,
    runbookDir: target.runbookDir,
    runbookNames: target.runbookNames,
    framework: target.framework,
    logger: target.logger,
    projectLogger: target.projectLogger === undefined ? undefined : compact({ path: target.projectLogger.path, export: target.projectLogger.export, style: target.projectLogger.style }),
    testRunner: target.testRunner,
    profile: target.profile,
    docsBaseUrl: target.docsBaseUrl,
    importAlias: target.importAlias,
    testFile: target.testFile,
    codeStyle: target.codeStyle === undefined ? undefined : compact({ ...target.codeStyle }),
    ecmaVersion: target.ecmaVersion,
    builtinSpecifiers: target.builtinSpecifiers,
  });
}

function orderError(entry: CatalogErrorEntry): CatalogErrorEntry {
  return compact({
    name: entry.name,
    code: entry.code,
    title: entry.title,
    status: entry.status,
    category: entry.category,
    retryable: entry.retryable,
    severity: entry.severity,
    message: entry.message,
    description: entry.description,
    runbook: entry.runbook === undefined ? undefined : orderRunbook(entry.runbook),
  });
}

function orderRunbook(runbook: CatalogRunbookExtra): CatalogRunbookExtra {
  return compact({ owner: runbook.owner, links: runbook.links });
}

function orderMapping(mapping: CatalogMapping): CatalogMapping {
  return compact({ pattern: mapping.pattern, flags: mapping.flags, error: mapping.error, disabled: mapping.disabled, expose: mapping.expose });
}

function orderAudit(audit: CatalogAudit): CatalogAudit {
  const rules =
    audit.rules === undefined
      ? undefined
      : Object.fromEntries(Object.entries(audit.rules).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return compact({ rules, maxTryStatements: audit.maxTryStatements });
}

/** Drops absent optional fields so they are not written as `undefined` holes or nulls. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
