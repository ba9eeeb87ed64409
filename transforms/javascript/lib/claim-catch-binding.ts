import type { CatchClause } from '@babel/types';
import { bindCatchParameter, type CatchBinding } from './catch-helpers.js';
import { startOf } from './range.js';

/**
 * Like `bindCatchParameter`, for a transform that binds a clause another transform may bind in the
 * same pass. Two insertions of `(error)` at the same offset would both apply (`catch (error) (error)`),
 * so when the clause has no parameter the edit replaces the whole head, `catch {` included: a second
 * binding edit then overlaps it, and the engine runs the later transform again on the new text.
 */
export function claimCatchBinding(clause: CatchClause, source: string, alsoAvoid: Iterable<string> = []): CatchBinding {
  const binding = bindCatchParameter(clause, source, alsoAvoid);
  if (clause.param != null) return binding;
  const keywordEnd = startOf(clause) + 'catch'.length;
  const bodyStart = startOf(clause.body);
  return {
    ...binding,
    paramEdits: [{ start: startOf(clause), end: bodyStart + 1, text: `catch (${binding.name})${source.slice(keywordEnd, bodyStart)}{` }],
  };
}
