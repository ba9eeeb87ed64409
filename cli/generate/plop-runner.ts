import type { DesiredFile } from '../fs/file-changes.js';
import type { PlannedFile } from './kit-plan.js';

const RENDER_ACTION = 'faultline-render';

/**
 * Runs the plan as a node-plop generator. Each action only renders its file into memory: node-plop's
 * own `add`/`modify` actions write as they go (and `force` deletes a directory in the way), while
 * faultline must see every conflict before it writes anything. Writing happens afterwards, through
 * the one guarded write path. Prompts are asked before this runs, so node-plop never prompts.
 */
export async function renderPlan(
  files: PlannedFile[],
  render: (file: PlannedFile) => Promise<DesiredFile>,
): Promise<DesiredFile[]> {
  const { default: nodePlop } = await import('node-plop');
  const plop = await nodePlop('', { destBasePath: process.cwd(), force: false });
  const rendered: DesiredFile[] = [];
  let firstError: unknown;

  plop.setActionType(RENDER_ACTION, async (_answers, config) => {
    const file = config.file as PlannedFile;
    try {
      rendered.push(await render(file));
    } catch (error) {
      firstError ??= error;
      throw error;
    }
    return file.path;
  });
  plop.setGenerator('kit', {
    description: 'the faultline error-handling kit',
    prompts: [],
    actions: files.map((file) => ({ type: RENDER_ACTION, file, abortOnFail: true })),
  });

  const { failures } = await plop.getGenerator('kit').runActions({});
  if (firstError) throw firstError;
  if (failures.length > 0) throw new Error(`rendering failed: ${failures.map((f) => f.error).join('; ')}`);
  return rendered;
}
