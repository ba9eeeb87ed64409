import type { Catalog } from '../catalog/model.js';
import { CATALOG_FILE } from '../catalog/load.js';
import type { DesiredFile } from '../fs/file-changes.js';
import { planKitFiles } from './kit-plan.js';
import { renderPlan } from './plop-runner.js';
import { forgetPrettierLookups, renderPlannedFile, type ExistingFiles } from './render.js';
import { buildTemplateData } from './template-data.js';

/**
 * Every file derived from or seeded by the catalog (the kit and its docs), rendered in memory.
 * `init`, `sync`, `add` and `check` all start here, so they can never disagree about what the
 * catalog produces. Given the project's `existing` files (`sync`, `add`, `check`), a file the
 * user owns that exists comes back as it is, and a formatted file whose digests vouch for it is
 * not formatted again; those commands then render without node-plop, which `init` runs the plan
 * through as a generator.
 */
export async function renderCatalogFiles(
  catalog: Catalog,
  projectRoot: string,
  projectName: string,
  existing?: ExistingFiles,
): Promise<DesiredFile[]> {
  forgetPrettierLookups();
  const data = buildTemplateData(catalog, projectName, CATALOG_FILE);
  const planned = planKitFiles(catalog);
  if (existing === undefined) return renderPlan(planned, (file) => renderPlannedFile(file, data, catalog, projectRoot));
  const rendered: DesiredFile[] = [];
  for (const file of planned) rendered.push(await renderPlannedFile(file, data, catalog, projectRoot, existing));
  return rendered;
}
