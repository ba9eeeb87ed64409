import type { CatalogTarget, Profile } from './model.js';

/** The target's profile; catalogs written before profiles existed were generated for services. */
export function profileOf(target: Pick<CatalogTarget, 'profile'>): Profile {
  return target.profile ?? 'service';
}
