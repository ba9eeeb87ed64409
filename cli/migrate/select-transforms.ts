import { UsageError } from '../errors.js';
import type { Profile } from '../catalog/model.js';
import type { TransformModule } from '../../transforms/types.js';

/**
 * Transforms a profile never runs by default: a CLI's console output is what it tells its user; a
 * library has no logger or reporter to send errors to, so nothing that would import one runs there.
 */
const LEFT_OUT: Record<Profile, ReadonlySet<string>> = {
  service: new Set(),
  cli: new Set(['console-in-catch']),
  library: new Set(['empty-catch', 'console-in-catch', 'promise-catch']),
};

/** Transforms a library cannot run even on request: their fixes import the kit's logger or reporter. */
const NEEDS_REPORTER = new Set(['empty-catch', 'console-in-catch', 'promise-catch']);

/**
 * Whether a run without `--transform` applies this transform: it keeps behaviour for callers (same
 * values, same classes thrown, nothing new on stdout) and suits the profile.
 */
export function isDefaultFor(transform: TransformModule, profile: Profile): boolean {
  return !transform.meta.changesBehaviour && !LEFT_OUT[profile].has(transform.meta.id);
}

/**
 * The transforms a run uses, in their catalogue order (so output never depends on how ids were
 * listed): the profile's default set, or the ones asked for by id.
 */
export function selectTransforms(ids: string[] | undefined, available: TransformModule[], profile: Profile = 'service'): TransformModule[] {
  if (ids === undefined) return available.filter((transform) => isDefaultFor(transform, profile));
  const known = new Map(available.map((transform) => [transform.meta.id, transform]));
  const wanted = new Set(ids.map((id) => id.trim()).filter((id) => id !== ''));
  if (wanted.size === 0) throw new UsageError(`--transform needs at least one id — available: ${[...known.keys()].join(', ')}`);
  const unknown = [...wanted].filter((id) => !known.has(id));
  if (unknown.length > 0) {
    const plural = unknown.length === 1 ? '' : 's';
    throw new UsageError(`unknown transform${plural} ${unknown.join(', ')} — available: ${[...known.keys()].join(', ')}`);
  }
  if (profile === 'library') {
    const refused = [...wanted].filter((id) => NEEDS_REPORTER.has(id));
    if (refused.length > 0) {
      throw new UsageError(`${refused.join(', ')} report through the kit's logger, which a library does not have — handle those catches by hand, or set target.profile in faultline.catalog.json`);
    }
  }
  return available.filter((transform) => wanted.has(transform.meta.id));
}
