const base = { code: 'E_BASE', message: 'Base failure' };

export function fail(extra: Record<string, unknown>): never {
  throw { ...base, ...extra };
}
