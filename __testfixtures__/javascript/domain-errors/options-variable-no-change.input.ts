export function missingTenant(id: string, options: ErrorOptions): Error {
  return new Error(`Tenant ${id} not found`, options);
}
