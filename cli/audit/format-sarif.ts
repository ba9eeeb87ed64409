/**
 * An audit report as SARIF 2.1.0, the format code-scanning services read: one run whose driver lists
 * the rules that ran, one result per finding located relative to the project root (`%SRCROOT%`), and
 * files that could not be audited as tool notifications.
 */
import { pathToFileURL } from 'node:url';
import type { FailedFile } from '../migrate/report.js';
import type { Severity } from '../../transforms/types.js';
import { docsUrl, repositoryWebUrl, type RepositoryField } from './docs-url.js';
import type { AuditFinding, AuditReport } from './report.js';
import type { RuleDescriptor } from './rule-set.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SRCROOT = '%SRCROOT%';

type SarifLevel = 'error' | 'warning' | 'note';

const LEVELS: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };

export interface SarifOptions {
  /** faultline's package.json `repository`, to link rule pages. */
  repository?: RepositoryField;
}

export function toSarif(report: AuditReport, options: SarifOptions = {}): object {
  const ruleIndex = new Map(report.rules.map((rule, index) => [rule.id, index]));
  const informationUri = repositoryWebUrl(options.repository);
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'faultline',
            version: report.tool.version,
            ...(informationUri === undefined ? {} : { informationUri }),
            rules: report.rules.map((rule) => sarifRule(rule, options.repository, report.tool.version)),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: directoryUri(report.root) } },
        columnKind: 'utf16CodeUnits',
        results: report.findings.map((finding) => sarifResult(finding, ruleIndex)),
        invocations: [
          {
            executionSuccessful: true,
            toolExecutionNotifications: report.failed.map(notAudited),
          },
        ],
      },
    ],
  };
}

function notAudited(file: FailedFile): object {
  const region = file.line === null ? {} : { region: { startLine: file.line, startColumn: file.column ?? 1 } };
  return {
    level: 'error',
    message: { text: `${file.message} (not audited)` },
    locations: [{ physicalLocation: { artifactLocation: { uri: relativeUri(file.path), uriBaseId: SRCROOT }, ...region } }],
  };
}

function sarifRule(rule: RuleDescriptor, repository: RepositoryField, version: string): object {
  const helpUri = docsUrl(repository, rule.docs, version);
  const details = helpUri ?? `${rule.docs} in the faultline package`;
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.description },
    ...(helpUri === undefined ? {} : { helpUri }),
    help: { text: `${rule.description} Details: ${details}.${fixedBy(rule)}` },
    defaultConfiguration: { level: LEVELS[rule.level] },
    properties: { fixable: rule.fixable, ...(rule.changesBehaviour === true ? { changesBehaviour: true } : {}), docs: rule.docs },
  };
}

function fixedBy(rule: RuleDescriptor): string {
  if (!rule.fixable) return '';
  return rule.changesBehaviour === true ? ` \`faultline migrate --transform ${rule.id}\` fixes it; the fix changes behaviour, so review each one.` : ' `faultline migrate` fixes it.';
}

function sarifResult(finding: AuditFinding, ruleIndex: Map<string, number>): object {
  const index = ruleIndex.get(finding.ruleId);
  return {
    ruleId: finding.ruleId,
    ...(index === undefined ? {} : { ruleIndex: index }),
    level: LEVELS[finding.severity],
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: relativeUri(finding.file), uriBaseId: SRCROOT },
          region: { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn },
        },
      },
    ],
    properties: { fixable: finding.fixable, ...(finding.reason === undefined ? {} : { reason: finding.reason }) },
  };
}

/** A relative URI reference for a posix path: each segment percent-encoded, the slashes kept. */
export function relativeUri(posixPath: string): string {
  return posixPath.split('/').map(encodeURIComponent).join('/');
}

/** SARIF requires base URIs to end with a slash. */
function directoryUri(absolute: string): string {
  const uri = pathToFileURL(absolute).href;
  return uri.endsWith('/') ? uri : `${uri}/`;
}

function pascalCase(id: string): string {
  return id
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}
