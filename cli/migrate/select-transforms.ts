import { UsageError } from '../errors.js';
import type { TransformModule } from '../../transforms/types.js';

/** The transforms a run uses, in their catalogue order (so output never depends on how ids were listed). */
export function selectTransforms(ids: string[] | undefined, available: TransformModule[]): TransformModule[] {
  if (ids === undefined) return available;
  const known = new Map(available.map((transform) => [transform.meta.id, transform]));
  const wanted = new Set(ids.map((id) => id.trim()).filter((id) => id !== ''));
  if (wanted.size === 0) throw new UsageError(`--transform needs at least one id — available: ${[...known.keys()].join(', ')}`);
  const unknown = [...wanted].filter((id) => !known.has(id));
  if (unknown.length > 0) {
    const plural = unknown.length === 1 ? '' : 's';
    throw new UsageError(`unknown transform${plural} ${unknown.join(', ')} — available: ${[...known.keys()].join(', ')}`);
  }
  return available.filter((transform) => wanted.has(transform.meta.id));
}
