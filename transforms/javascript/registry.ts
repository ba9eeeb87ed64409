/**
 * Every transform faultline ships, in the order of the product's catalogue of transforms (the order runs and reports list them). The order is part of the
 * output's stability: reports, summaries and `faultline list` follow it.
 */
import * as consoleInCatch from './console-in-catch.js';
import * as domainErrors from './domain-errors.js';
import * as emptyCatch from './empty-catch.js';
import * as errorCause from './error-cause.js';
import * as narrowCatch from './narrow-catch.js';
import * as promiseCatch from './promise-catch.js';
import * as throwLiteral from './throw-literal.js';
import * as uselessCatch from './useless-catch.js';
import type { TransformModule } from '../types.js';

// Every built-in transform reads offsets only; test/transforms/javascript/detection-parse.test.ts holds them to it.
function moduleOf(transform: TransformModule): TransformModule {
  return { meta: transform.meta, mightMatch: transform.mightMatch, detect: transform.detect, fix: transform.fix, detectShared: transform.detectShared, readsOffsetsOnly: true };
}

export const allTransforms: TransformModule[] = [
  moduleOf(emptyCatch),
  moduleOf(consoleInCatch),
  moduleOf(errorCause),
  moduleOf(uselessCatch),
  moduleOf(throwLiteral),
  moduleOf(domainErrors),
  moduleOf(promiseCatch),
  moduleOf(narrowCatch),
];

/** The transform with this id, or undefined when there is none. */
export function getTransform(id: string): TransformModule | undefined {
  return allTransforms.find((transform) => transform.meta.id === id);
}
