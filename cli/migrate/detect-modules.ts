/**
 * Every selected module's detection on one tree. Modules that offer `detectShared` are served by one
 * walk together; walking costs about as much as parsing, so one walk per module would double the
 * time. Modules without it (a project's own) run their `detect` as before.
 */
import { walkWithVisitors, type WalkPosition } from '../../transforms/javascript/lib/shared-walk.js';
import type { Finding, NodeVisitors, SharedDetection, TransformContext, TransformModule } from '../../transforms/types.js';

export type DetectingModule = Pick<TransformModule, 'meta' | 'mightMatch' | 'detect' | 'detectShared' | 'readsOffsetsOnly'>;

export type ModulesDetection<M> = { kind: 'found'; findings: Finding[][] } | { kind: 'crashed'; module: M; error: unknown };

/** Findings of each module, in the order of `modules`; or the module that threw and what it threw. */
export function detectModules<M extends DetectingModule>(modules: readonly M[], ctx: Omit<TransformContext, 'useKitExport'>): ModulesDetection<M> {
  const shared: Array<SharedDetection | undefined> = [];
  const visitorSets: NodeVisitors[] = [];
  const owners: M[] = [];
  for (const module of modules) {
    if (module.detectShared === undefined) {
      shared.push(undefined);
      continue;
    }
    try {
      const detection = module.detectShared(ctx);
      shared.push(detection);
      visitorSets.push(detection.visitors);
      owners.push(module);
    } catch (error) {
      return { kind: 'crashed', module, error };
    }
  }
  const position: WalkPosition = { visitorSet: -1 };
  try {
    walkWithVisitors(ctx.ast, visitorSets, position);
  } catch (error) {
    const owner = owners[position.visitorSet];
    if (owner === undefined) throw error;
    return { kind: 'crashed', module: owner, error };
  }
  const findings: Finding[][] = [];
  for (const [index, module] of modules.entries()) {
    try {
      findings.push(shared[index]?.findings() ?? module.detect(ctx));
    } catch (error) {
      return { kind: 'crashed', module, error };
    }
  }
  return { kind: 'found', findings };
}
