/**
 * Which Python rules a run uses, next to the JavaScript transforms: `--transform` ids may name
 * either, and each language's files get their own. The parser loads only when a Python file is
 * among the candidates and a rule would read it.
 */
import type { Profile } from '../../catalog/model.js';
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

/**
 * Python rules a profile never runs by default: a library has no reporter to send a swallowed
 * exception to. (A CLI's `print` in a handler is its output: log-without-traceback leaves those
 * sites alone by itself, and still moves `logger.error` to `logger.exception`.)
 */
const LEFT_OUT: Record<Profile, ReadonlySet<string>> = {
  service: new Set(),
  cli: new Set(),
  library: new Set(['except-pass', 'except-continue']),
};

/** Rules a library cannot run even on request: their fixes import the kit's reporter. */
const NEEDS_REPORTER = new Set(['except-pass', 'except-continue']);

/** Whether a run without `--transform` applies this Python rule: it keeps behaviour and suits the profile. */
export function isPythonDefaultFor(rule: PythonRule, profile: Profile): boolean {
  return !rule.meta.changesBehaviour && !LEFT_OUT[profile].has(rule.meta.id);
}

/** The Python rules `migrate` runs: the profile's default set, or those asked for, unless the profile cannot run them. */
export function pythonRulesForProfile(rules: readonly PythonRule[], profile: Profile, requested: boolean): PythonRule[] {
  if (!requested) return rules.filter((rule) => isPythonDefaultFor(rule, profile));
  if (profile === 'library') {
    const refused = rules.filter((rule) => NEEDS_REPORTER.has(rule.meta.id)).map((rule) => rule.meta.id);
    if (refused.length > 0) {
      throw new UsageError(`${refused.join(', ')} report through the kit's reporter, which a library does not have — handle those handlers by hand, or set target.profile in faultline.catalog.json`);
    }
  }
  return [...rules];
}
