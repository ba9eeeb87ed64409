/**
 * Absolute links to rule and transform pages, for people reading a report or a listing and for formats
 * that require them (SARIF's `helpUri` must be an absolute URI). They point into faultline's source
 * repository, taken from its package.json, at the tag of the installed version, so a page describes the
 * rules that ran; without a repository, no link is made and reports carry the docs path only.
 */

export type RepositoryField = string | { url?: string } | undefined;

/**
 * `https://github.com/o/r/blob/v<version>/<docs>`, or `blob/HEAD` (the default branch) without a version;
 * undefined when the repository is unknown or not on a known host.
 */
export function docsUrl(repository: RepositoryField, docsPath: string, version?: string): string | undefined {
  const base = repositoryWebUrl(repository);
  const ref = version === undefined ? 'HEAD' : `v${version}`;
  return base === undefined ? undefined : `${base}/blob/${encodeURIComponent(ref)}/${docsPath.split('/').map(encodeURIComponent).join('/')}`;
}

/** The repository's web address, from any form npm accepts: `github:o/r`, `o/r`, `git+https://…/o/r.git`, `git@github.com:o/r.git`. */
export function repositoryWebUrl(repository: RepositoryField): string | undefined {
  const raw = typeof repository === 'string' ? repository : repository?.url;
  if (raw === undefined || raw.trim() === '') return undefined;
  const text = raw.trim();
  const shorthand = /^(?:(github|gitlab):)?([\w.-]+)\/([\w.-]+?)(?:\.git)?$/.exec(text);
  if (shorthand) return `https://${shorthand[1] ?? 'github'}.com/${shorthand[2]}/${shorthand[3]}`;
  const scp = /^git@(github\.com|gitlab\.com):([\w.-]+)\/([\w.-]+?)(?:\.git)?$/.exec(text);
  if (scp) return `https://${scp[1]}/${scp[2]}/${scp[3]}`;
  const url = /^(?:git\+)?(?:https?|git|ssh):\/\/(?:[^@/]+@)?(github\.com|gitlab\.com)\/([\w.-]+)\/([\w.-]+?)(?:\.git)?\/?$/.exec(text);
  if (url) return `https://${url[1]}/${url[2]}/${url[3]}`;
  return undefined;
}
