import type { Catalog } from '../catalog/model.js';
import { CATALOG_FILE } from '../catalog/load.js';
import type { DesiredFile } from '../fs/file-changes.js';
import { planKitFiles } from './kit-plan.js';
import { renderPlan } from './plop-runner.js';
import { forgetPrettierLookups, renderPlannedFile } from './render.js';
import { buildTemplateData } from './template-data.js';

/**
 * Every file derived from or seeded by the catalog (the kit and its docs), rendered in memory.
 * `init`, `sync`, `add` and `check` all start here, so they can never disagree about what the
 * catalog produces.
 */
export async function renderCatalogFiles(catalog: Catalog, projectRoot: string, projectName: string): Promise<DesiredFile[]> {
  forgetPrettierLookups();
  const data = buildTemplateData(catalog, projectName, CATALOG_FILE);
  const planned = planKitFiles(catalog);
  return renderPlan(planned, (file) => renderPlannedFile(file, data, catalog, projectRoot));
}
