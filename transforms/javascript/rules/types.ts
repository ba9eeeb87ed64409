/**
 * Audit-only rules: smells no transform fixes (yet). A rule is a transform module without `fix`, so
 * the engine runs it through the same pre-filter, single parse and suppression comments as the
 * transforms, and every finding it makes has `fixable: false`.
 */
import type { TransformModule } from '../../types.js';

export type AuditRule = Pick<TransformModule, 'meta' | 'mightMatch' | 'detect' | 'detectShared' | 'readsOffsetsOnly'>;
