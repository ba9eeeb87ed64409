/**
 * A time budget per file, so that one file no analysis was built for (a pattern that backtracks, a
 * parser that loops) is reported as skipped and the run goes on. Analysis is synchronous, so only
 * V8 itself can stop it: `vm`'s timeout terminates whatever runs, a regular expression included.
 * Starting that watchdog costs ~70 µs, so files run in batches under one watchdog, and only a file
 * that was running when a batch ran out of time is given the whole budget on its own.
 */
import vm from 'node:vm';

/** Far above what any real file takes (a 2 MB file parses and is analysed in about a second). */
export const DEFAULT_FILE_BUDGET_MS = 20_000;

const context = vm.createContext({ step: undefined as (() => void) | undefined });
const callStep = new vm.Script('step()');

function timedOut(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT';
}

/** Runs `step` within `budgetMs`; false when it was stopped for running over. */
function runWithin(step: () => void, budgetMs: number): boolean {
  context.step = step;
  try {
    callStep.runInContext(context, { timeout: budgetMs });
    return true;
  } catch (error) {
    if (timedOut(error)) return false;
    throw error;
  } finally {
    context.step = undefined;
  }
}

/**
 * Calls `visit(index)` for `from` ≤ index < `to`, each within `budgetMs`; `overBudget(index)` for
 * each index whose visit was stopped. A stopped visit has left nothing behind but what it wrote to
 * its own locals, so visits must record their results only once they are complete.
 */
export function visitWithinBudget(from: number, to: number, budgetMs: number, visit: (index: number) => void, overBudget: (index: number) => void): void {
  let next = from;
  while (next < to) {
    let current = next;
    const batchDone = runWithin(() => {
      for (; current < to; current++) visit(current);
    }, budgetMs);
    if (batchDone) return;
    // The batch ran out while `current` ran: it may have had little of the budget, so it gets all of it alone.
    if (!runWithin(() => visit(current), budgetMs)) overBudget(current);
    next = current + 1;
  }
}
