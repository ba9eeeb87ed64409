import type { Catalog } from '../catalog/model.js';
import { applyChanges, patch, planChanges, type FileChange } from '../fs/file-changes.js';
import { generatedFiles, projectStyle } from './project-style.js';
import { renderCatalogFiles } from './render-catalog-files.js';

/**
 * A linter whose rules read types (typescript-eslint's project service or `parserOptions.project`)
 * only checks files its TypeScript program holds, and that program is built from the files on
 * disk: before `init` wrote them, the kit's files were refused, and only the formatter shaped them.
 * Once they exist, they are rendered again so that the linter's fixes reach them too. The bytes
 * then written are what `sync` and `check` compute later from the same files.
 */
export async function refitWrittenFiles(root: string, catalog: Catalog, projectName: string, changes: FileChange[]): Promise<FileChange[]> {
  const style = await projectStyle(root, generatedFiles(catalog.target), catalog.target.codeStyle);
  const refused = new Set(style.unlintable.map((entry) => entry.file));
  if (refused.size === 0) return changes;
  const rendered = await renderCatalogFiles(catalog, root, projectName);
  const refitted = rendered.filter((file) => {
    const written = changes.find((change) => change.path === file.path);
    return written !== undefined && written.status !== 'unchanged' && written.content !== file.content;
  });
  if (refitted.length === 0) return changes;
  // These files were written a moment ago by this run: replacing them again loses nothing.
  await applyChanges(planChanges(root, refitted, { force: true }));
  return changes.map((change) => {
    const file = refitted.find((candidate) => candidate.path === change.path);
    if (!file) return change;
    // Diffs are shown for dry runs, which write nothing and so never come here; a created file's is kept true anyway.
    return { ...change, content: file.content, diff: change.status === 'create' ? patch(change.path, '', file.content) : change.diff };
  });
}
