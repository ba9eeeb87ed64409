/**
 * Which Python rules a run uses, next to the JavaScript transforms: `--transform` ids may name
 * either, and each language's files get their own. The parser loads only when a Python file is
 * among the candidates and a rule would read it.
 */
import { UsageError } from '../../errors.js';
import { loadPythonParser } from '../../../transforms/python/lib/parser.js';
import type { PythonRule } from '../../../transforms/python/types.js';
import type { TransformModule } from '../../../transforms/types.js';
import { isPythonPath } from './file.js';
import { selectTransforms } from '../select-transforms.js';

export function selectByLanguage(
  ids: string[] | undefined,
  transforms: TransformModule[],
  python: PythonRule[],
): { transforms: TransformModule[]; python: PythonRule[] } {
  if (ids === undefined) return { transforms, python };
  const wanted = ids.map((id) => id.trim()).filter((id) => id !== '');
  const pythonIds = new Set(python.map((rule) => rule.meta.id));
  const jsIds = wanted.filter((id) => !pythonIds.has(id));
  const chosenPython = python.filter((rule) => wanted.includes(rule.meta.id));
  if (jsIds.length === 0 && chosenPython.length > 0) return { transforms: [], python: chosenPython };
  try {
    return { transforms: selectTransforms(jsIds, transforms), python: chosenPython };
  } catch (error) {
    if (!(error instanceof UsageError) || python.length === 0) throw error;
    // Name every id either language knows in the message.
    const known = [...transforms.map((t) => t.meta.id), ...python.map((rule) => rule.meta.id)];
    const unknown = jsIds.filter((id) => !known.includes(id));
    if (unknown.length === 0) throw error;
    throw new UsageError(`unknown transform${unknown.length === 1 ? '' : 's'} ${unknown.join(', ')} — available: ${known.join(', ')}`);
  }
}

/** Loads the Python parser when the run will parse Python. */
export async function preparePython(files: readonly string[], rules: readonly PythonRule[]): Promise<void> {
  if (rules.length > 0 && files.some(isPythonPath)) await loadPythonParser();
}
