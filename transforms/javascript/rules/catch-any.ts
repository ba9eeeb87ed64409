/**
 * catch-any: `catch (e: any)` switches off type checking for everything done with the error, which
 * hides the mistakes the catch block most needs caught (reading `e.message` of a thrown string).
 * `unknown` makes the code narrow the error first.
 */
import type { Node } from '@babel/types';
import { findingAt, withoutSuppressed } from '../lib/findings.js';
import type { Finding, SharedDetection, TransformContext, TransformMeta } from '../../types.js';
import { detectionOverSiteIndex, siteIndexOf } from './site-index.js';
import { mayHaveCatchClause } from '../lib/source-words.js';

export const meta: TransformMeta = {
  id: 'catch-any',
  title: 'Type caught errors as unknown, not any',
  description: 'Reports `catch (e: any)` in TypeScript; `unknown` makes the code check what was thrown.',
  changesBehaviour: false,
  severity: 'warning',
  messages: {
    catchAny: 'The caught error is typed `any`, which turns off checking how it is used; type it `unknown` and narrow it.',
  },
  docs: 'docs/rules/catch-any.md',
};

export function mightMatch(source: string): boolean {
  return mayHaveCatchClause(source) && hasAnyAnnotatedCatch(source);
}

export function detect(ctx: Omit<TransformContext, 'useKitExport'>): Finding[] {
  const findings: Finding[] = [];
  for (const clause of siteIndexOf(ctx.ast).catchClauses) {
    const annotation = clause.param == null ? undefined : annotationOf(clause.param);
    if (annotation?.type === 'TSAnyKeyword') findings.push(findingAt(meta, 'catchAny', annotation, { fixable: false }));
  }
  return withoutSuppressed(findings, ctx.ast, meta.id);
}

function annotationOf(param: Node): Node | undefined {
  const annotation = 'typeAnnotation' in param ? param.typeAnnotation : undefined;
  if (annotation == null || annotation.type !== 'TSTypeAnnotation') return undefined;
  return annotation.typeAnnotation;
}

export function detectShared(ctx: Omit<TransformContext, 'useKitExport'>): SharedDetection {
  return detectionOverSiteIndex(ctx.ast, () => detect(ctx));
}

/**
 * `catch (…: any`: one pass over the three marks, where `/catch\s*\([^)]*:\s*any\b/` scanned the rest
 * of the text again from every `catch(` that no `)` closes.
 */
const CATCH_ANY_MARKS = /catch\s*\(|\)|:\s*any\b/g;

function hasAnyAnnotatedCatch(source: string): boolean {
  let inCatchParameter = false;
  for (const [mark] of source.matchAll(CATCH_ANY_MARKS)) {
    if (mark === ')') inCatchParameter = false;
    else if (mark.startsWith('catch')) inCatchParameter = true;
    else if (inCatchParameter) return true;
  }
  return false;
}
