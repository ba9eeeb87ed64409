import { describe, expect, it } from 'vitest';
import { KIT_NODE_FLOOR, nodeFloorNote } from '../../cli/generate/kit-plan.js';

describe("the kit's Node floor against a project's engines", () => {
  it.each([
    ['>=14', true],
    ['^14.17.0 || >=16', true],
    ['14.x', true],
    ['>=16.0.0', true],
    ['>=16.14', false],
    ['^18 || ^20', false],
    ['>=20.19', false],
    ['<22 >=18', false],
    ['*', false],
    [undefined, false],
  ])('engines.node %s needs a note: %s', (range, needsNote) => {
    const note = nodeFloorNote(range);
    expect(note !== undefined).toBe(needsNote);
    if (note) expect(note).toContain(KIT_NODE_FLOOR);
  });
});
