import type { Catalog } from '../catalog/model.js';
import { applyChanges, patch, planChanges, type FileChange } from '../fs/file-changes.js';
import { generatedFiles, projectStyle, type ProjectStyle } from './project-style.js';
import { renderCatalogFiles } from './render-catalog-files.js';

/** Renderings after the first write; each one that changes nothing on disk ends the refit sooner. */
const MAX_REFITS = 3;

/**
 * The project's linter judges a file by more than its text: a rule that reads types (typescript-eslint's
 * project service or `parserOptions.project`) only checks files its TypeScript program holds, built
 * from the files on disk, and rules that resolve imports (`import/no-unresolved`, `import/order`'s
 * groups) see modules that did not exist before `init` wrote them. So whenever the linter took part
 * (it fixed a file, reported a problem or refused a file) the kit is rendered again once it is on
 * disk, and written again where that rendering differs, until a rendering changes nothing. The bytes
 * then written, and the problems reported, are those of the files as they are; `sync` and `check`
 * compute the same from them later.
 */
export async function refitWrittenFiles(root: string, catalog: Catalog, projectName: string, changes: FileChange[]): Promise<FileChange[]> {
  let current = changes;
  for (let refits = 0; refits < MAX_REFITS; refits++) {
    const style = await projectStyle(root, generatedFiles(catalog.target), catalog.target.codeStyle);
    if (!linterTookPart(style)) return current;
    const rendered = await renderCatalogFiles(catalog, root, projectName);
    const refitted = rendered.filter((file) => {
      const written = current.find((change) => change.path === file.path);
      return written !== undefined && written.status !== 'unchanged' && written.content !== file.content;
    });
    if (refitted.length === 0) return current;
    // These files were written a moment ago by this run: replacing them again loses nothing.
    await applyChanges(planChanges(root, refitted, { force: true }));
    current = current.map((change) => {
      const file = refitted.find((candidate) => candidate.path === change.path);
      if (!file) return change;
      // Diffs are shown for dry runs, which write nothing and so never come here; a created file's is kept true anyway.
      return { ...change, content: file.content, diff: change.status === 'create' ? patch(change.path, '', file.content) : change.diff };
    });
  }
  return current;
}

function linterTookPart(style: ProjectStyle): boolean {
  return style.unlintable.length > 0 || style.linterFixed.length > 0 || style.lintProblems.length > 0;
}
