/**
 * The structural requirements of SARIF 2.1.0 that code-scanning services rely on, checked by hand
 * (the official schema cannot be fetched here). Returns every problem found, as JSON paths.
 */
type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isPositiveInteger = (value: unknown): boolean => Number.isInteger(value) && (value as number) >= 1;
const isAbsoluteUri = (value: unknown): boolean => typeof value === 'string' && /^[a-z][a-z0-9+.-]*:/i.test(value);
const isRelativeUri = (value: unknown): boolean => typeof value === 'string' && !isAbsoluteUri(value) && !value.startsWith('/') && !/[\s\\]/.test(value);
const LEVELS = new Set(['none', 'note', 'warning', 'error']);

export function sarifProblems(log: unknown): string[] {
  const problems: string[] = [];
  const need = (ok: boolean, where: string, what: string): void => {
    if (!ok) problems.push(`${where}: ${what}`);
  };
  if (!isObject(log)) return ['$: must be an object'];
  need(log.version === '2.1.0', '$.version', 'must be "2.1.0"');
  need(typeof log.$schema === 'string' && /sarif.*2\.1\.0/.test(log.$schema as string), '$.$schema', 'must name the SARIF 2.1.0 schema');
  const runs = log.runs;
  need(Array.isArray(runs) && runs.length === 1, '$.runs', 'must be an array with one run');
  if (!Array.isArray(runs)) return problems;
  runs.forEach((run: unknown, r) => {
    const at = `$.runs[${r}]`;
    if (!isObject(run)) return void problems.push(`${at}: must be an object`);
    const driver = isObject(run.tool) ? run.tool.driver : undefined;
    if (!isObject(driver)) return void problems.push(`${at}.tool.driver: required`);
    need(driver.name === 'faultline', `${at}.tool.driver.name`, 'must be "faultline"');
    need(typeof driver.version === 'string', `${at}.tool.driver.version`, 'must be a string');
    if (driver.informationUri !== undefined) need(isAbsoluteUri(driver.informationUri), `${at}.tool.driver.informationUri`, 'must be an absolute URI');
    const rules = Array.isArray(driver.rules) ? driver.rules : [];
    need(Array.isArray(driver.rules), `${at}.tool.driver.rules`, 'must be an array');
    const ids = new Set<string>();
    rules.forEach((rule: unknown, i) => {
      const where = `${at}.tool.driver.rules[${i}]`;
      if (!isObject(rule)) return void problems.push(`${where}: must be an object`);
      need(typeof rule.id === 'string' && rule.id !== '', `${where}.id`, 'must be a non-empty string');
      need(!ids.has(rule.id as string), `${where}.id`, 'must be unique');
      ids.add(rule.id as string);
      need(typeof rule.name === 'string', `${where}.name`, 'must be a string');
      for (const key of ['shortDescription', 'fullDescription']) {
        need(isObject(rule[key]) && typeof (rule[key] as Json).text === 'string', `${where}.${key}.text`, 'must be a string');
      }
      if (rule.helpUri !== undefined) need(isAbsoluteUri(rule.helpUri), `${where}.helpUri`, 'must be an absolute URI');
      const level = isObject(rule.defaultConfiguration) ? rule.defaultConfiguration.level : undefined;
      need(LEVELS.has(level as string), `${where}.defaultConfiguration.level`, 'must be none, note, warning or error');
      need(isObject(rule.properties) && typeof rule.properties.fixable === 'boolean', `${where}.properties.fixable`, 'must be a boolean');
    });
    const baseIds = isObject(run.originalUriBaseIds) ? run.originalUriBaseIds : {};
    for (const [name, base] of Object.entries(baseIds)) {
      const uri = isObject(base) ? base.uri : undefined;
      need(isAbsoluteUri(uri) && (uri as string).endsWith('/'), `${at}.originalUriBaseIds.${name}.uri`, 'must be an absolute URI ending with /');
    }
    need(Array.isArray(run.results), `${at}.results`, 'must be an array');
    (Array.isArray(run.results) ? run.results : []).forEach((result: unknown, i) => {
      const where = `${at}.results[${i}]`;
      if (!isObject(result)) return void problems.push(`${where}: must be an object`);
      need(typeof result.ruleId === 'string', `${where}.ruleId`, 'must be a string');
      need(Number.isInteger(result.ruleIndex) && (rules[result.ruleIndex as number] as Json | undefined)?.id === result.ruleId, `${where}.ruleIndex`, 'must point at the rule with the same id');
      need(LEVELS.has(result.level as string), `${where}.level`, 'must be none, note, warning or error');
      need(isObject(result.message) && typeof result.message.text === 'string' && result.message.text !== '', `${where}.message.text`, 'must be a non-empty string');
      const locations = Array.isArray(result.locations) ? result.locations : [];
      need(locations.length >= 1, `${where}.locations`, 'must hold a location');
      locations.forEach((location: unknown, l) => {
        const physical = isObject(location) ? location.physicalLocation : undefined;
        const base = `${where}.locations[${l}].physicalLocation`;
        if (!isObject(physical)) return void problems.push(`${base}: required`);
        const artifact = isObject(physical.artifactLocation) ? physical.artifactLocation : {};
        need(isRelativeUri(artifact.uri), `${base}.artifactLocation.uri`, 'must be a relative URI reference');
        need(typeof artifact.uriBaseId === 'string' && artifact.uriBaseId in baseIds, `${base}.artifactLocation.uriBaseId`, 'must name an originalUriBaseIds entry');
        const region = isObject(physical.region) ? physical.region : {};
        for (const key of ['startLine', 'startColumn', 'endLine', 'endColumn']) need(isPositiveInteger(region[key]), `${base}.region.${key}`, 'must be an integer >= 1');
        const ordered =
          (region.endLine as number) > (region.startLine as number) ||
          ((region.endLine as number) === (region.startLine as number) && (region.endColumn as number) >= (region.startColumn as number));
        need(ordered, `${base}.region`, 'must not end before it starts');
      });
    });
  });
  return problems;
}
