import type { CatalogTarget, Language, ModuleSystem, TestRunner } from '../catalog/model.js';
import type { ProjectInfo } from '../project/detect.js';
import { placeKitTest } from '../project/test-setup.js';
import { kitTestPath } from './kit-plan.js';

/**
 * `target.testFile` for the kit's test: set only when the project's runner collects tests
 * somewhere other than the default beside the kit. A runner other than the detected one has no
 * configuration to read, so its test stays beside the kit.
 */
export function kitTestFileFor(
  project: ProjectInfo,
  chosen: { language: Language; moduleSystem: ModuleSystem; testRunner: TestRunner; kitDir: string },
): { testFile?: string } {
  if (chosen.testRunner !== project.testSetup.runner || chosen.language === 'python') return {};
  const kitDir = chosen.kitDir.replace(/\/+$/, '');
  const extension = chosen.language === 'javascript' && chosen.moduleSystem === 'cjs' && chosen.testRunner === 'vitest' ? 'mjs' : chosen.language === 'javascript' ? 'js' : 'ts';
  const placed = placeKitTest(project.testSetup, kitDir, extension);
  const besideKit = kitTestPath({ ...chosenTarget(chosen), kitDir });
  return placed.path === besideKit ? {} : { testFile: placed.path };
}

function chosenTarget(chosen: { language: Language; moduleSystem: ModuleSystem; testRunner: TestRunner }): CatalogTarget {
  return { ...chosen, importSuffix: '', kitDir: '', runbookDir: '', framework: 'none', logger: 'console', docsBaseUrl: null };
}

/** What `init` says about the kit's test: where the runner will not find it, or cannot load it. */
export function testNotes(project: ProjectInfo, target: CatalogTarget): string[] {
  const notes: string[] = [];
  const { testSetup } = project;
  if (target.testRunner === testSetup.runner && target.language !== 'python') {
    const file = kitTestPath(target);
    const placed = placeKitTest(testSetup, target.kitDir.replace(/\/+$/, ''), file.slice(file.lastIndexOf('.') + 1));
    if (!placed.collected) notes.push(`${file} is not among the files ${testSetup.runner} collects with the project's configuration: \`npm run test:errors\` runs it, \`npm test\` does not`);
  }
  if (target.language === 'typescript' && target.testRunner === 'mocha' && testSetup.typescriptLoader === null) {
    notes.push('mocha has no TypeScript loader configured (require ts-node/register or tsx in .mocharc): add one so it can run the kit test');
  }
  return notes;
}
