/**
 * The transforms `migrate` applies and the rules `audit` reports, described for people and tools:
 * what `faultline list` prints and what the library's `list()` returns.
 */
import type { Severity, TransformMeta } from '../transforms/types.js';
import { ownDocsUrl } from './audit/own-package.js';

/** A transform as `faultline list` shows it: `migrate` applies it, `audit` reports what it finds. */
export interface ListedTransform {
  id: string;
  title: string;
  description: string;
  changesBehaviour: boolean;
  severity: Severity;
  /** Path of the docs page relative to faultline's package root. */
  docs: string;
  /** The docs page on the web, as of the installed version. */
  docsUrl?: string;
}

/** An audit-only rule: `audit` reports it, and nothing fixes it automatically. */
export interface ListedRule {
  id: string;
  title: string;
  description: string;
  severity: Severity;
  docs: string;
  docsUrl?: string;
}

/** A Python rule: `audit` reports it, and `migrate` fixes it when `fixable`. */
export interface ListedPythonRule extends ListedTransform {
  fixable: boolean;
  /** The codes Ruff and pylint report the same smell under. */
  equivalents: string[];
}

/** What `faultline list --json` prints; each kind in its catalogue order. */
export interface Listing {
  transforms: ListedTransform[];
  rules: ListedRule[];
  python: ListedPythonRule[];
}

type PythonRuleLike = { meta: TransformMeta & { equivalents: string[] }; fix?: unknown };

export function listing(transforms: ReadonlyArray<{ meta: TransformMeta }>, rules: ReadonlyArray<{ meta: TransformMeta }>, python: ReadonlyArray<PythonRuleLike> = []): Listing {
  const linked = (docs: string): { docs: string; docsUrl?: string } => {
    const url = ownDocsUrl(docs);
    return url === undefined ? { docs } : { docs, docsUrl: url };
  };
  return {
    transforms: transforms.map(({ meta }) => ({
      id: meta.id,
      title: meta.title,
      description: meta.description,
      changesBehaviour: meta.changesBehaviour,
      severity: meta.severity,
      ...linked(meta.docs),
    })),
    rules: rules.map(({ meta }) => ({ id: meta.id, title: meta.title, description: meta.description, severity: meta.severity, ...linked(meta.docs) })),
    python: python.map(({ meta, fix }) => ({
      id: meta.id,
      title: meta.title,
      description: meta.description,
      changesBehaviour: meta.changesBehaviour,
      severity: meta.severity,
      fixable: fix !== undefined,
      equivalents: [...meta.equivalents],
      ...linked(meta.docs),
    })),
  };
}
