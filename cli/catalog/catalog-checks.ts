import { closestName } from './closest-name.js';
import { escapePointerSegment } from './located-json.js';
import { GENERATED_BLOCK_END, GENERATED_BLOCK_START } from './runbook-sections.js';

/** A problem the schema cannot express: it spans entries or needs to run code. */
export interface CrossCheckProblem {
  pointer: string;
  message: string;
  /** Another place the problem involves (the first of two duplicates). */
  relatedPointer?: string;
}

/**
 * Unique names and codes, mappings that point at real errors and compile as regular
 * expressions. Written against an unvalidated value so these problems are reported together
 * with schema problems in one pass, rather than one round of fixes at a time.
 */
export function crossCheckCatalog(value: unknown): CrossCheckProblem[] {
  if (!isRecord(value)) return [];
  const errors = Array.isArray(value.errors) ? value.errors : [];
  const problems: CrossCheckProblem[] = [
    ...findDuplicates(errors, 'name', 'names must be unique'),
    ...findDuplicates(errors, 'code', 'codes must be unique and are never reused'),
  ];
  const names = new Set(errors.filter(isRecord).map((entry) => entry.name).filter((name): name is string => typeof name === 'string'));
  const mappings = Array.isArray(value.mappings) ? value.mappings : [];
  mappings.forEach((mapping, index) => {
    if (!isRecord(mapping)) return;
    const pointer = `/mappings/${index}`;
    if (typeof mapping.error === 'string' && !names.has(mapping.error)) {
      const suggestion = closestName(mapping.error, names);
      problems.push({
        pointer: `${pointer}/error`,
        message: `names ${JSON.stringify(mapping.error)}, which is not an error in this catalog — ${suggestion ? `did you mean "${suggestion}"?` : 'use the name of one of the errors, or add that error first'}`,
      });
    }
    if (typeof mapping.pattern === 'string') {
      // Bad flags are the schema's to report; check the pattern on its own so one mistake is not reported twice.
      const flags = typeof mapping.flags === 'string' && isUsableFlags(mapping.flags) ? mapping.flags : '';
      try {
        new RegExp(mapping.pattern, flags);
      } catch (error) {
        problems.push({ pointer: `${pointer}/pattern`, message: `is not a valid regular expression: ${(error as Error).message}` });
      }
    }
  });
  problems.push(...markersIn(value, ''));
  return problems;
}

/**
 * Runbook pages keep the user's text around a block faultline regenerates, found by its two
 * markers; catalog text rendered into a page must not hold them, or the page splits in the wrong place.
 */
function markersIn(value: unknown, pointer: string): CrossCheckProblem[] {
  const problems: CrossCheckProblem[] = [];
  // Pointers are built only for the strings that hold a marker: a large catalog has tens of thousands of values.
  const visit = (item: unknown, path: ReadonlyArray<string | number>): void => {
    if (typeof item === 'string') {
      const marker = item.includes(GENERATED_BLOCK_START) ? GENERATED_BLOCK_START : item.includes(GENERATED_BLOCK_END) ? GENERATED_BLOCK_END : undefined;
      if (marker === undefined) return;
      problems.push({
        pointer: pointer + path.map((segment) => `/${typeof segment === 'number' ? segment : escapePointerSegment(segment)}`).join(''),
        message: `holds ${marker}, which marks where generated text starts or ends in a runbook page — remove it from the text`,
      });
    } else if (Array.isArray(item)) {
      item.forEach((element, index) => visit(element, [...path, index]));
    } else if (isRecord(item)) {
      for (const key of Object.keys(item)) visit(item[key], [...path, key]);
    }
  };
  visit(value, []);
  return problems;
}

function findDuplicates(entries: unknown[], field: 'name' | 'code', rule: string): CrossCheckProblem[] {
  const firstIndex = new Map<string, number>();
  const problems: CrossCheckProblem[] = [];
  entries.forEach((entry, index) => {
    if (!isRecord(entry) || typeof entry[field] !== 'string') return;
    const value = entry[field] as string;
    const earlier = firstIndex.get(value);
    if (earlier === undefined) {
      firstIndex.set(value, index);
      return;
    }
    problems.push({
      pointer: `/errors/${index}/${escapePointerSegment(field)}`,
      relatedPointer: `/errors/${earlier}/${escapePointerSegment(field)}`,
      message: `${JSON.stringify(value)} is already used by errors[${earlier}] — ${rule}`,
    });
  });
  return problems;
}

function isUsableFlags(flags: string): boolean {
  return /^[imsu]*$/.test(flags) && new Set(flags).size === flags.length;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
