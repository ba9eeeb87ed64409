// A stand-in for a project's own module, so fixtures that import it type-check.
export interface Settings {
  path: string;
}
export const defaults: Settings = { path: 'settings.json' };
