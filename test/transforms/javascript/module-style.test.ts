import { describe, expect, it } from 'vitest';
import { detectModuleStyle } from '../../../transforms/javascript/lib/module-style.js';
import { parseSource } from '../../../transforms/javascript/lib/parse.js';

const style = (source: string, file: string): string => detectModuleStyle(parseSource(source, file), file);

describe('detectModuleStyle', () => {
  it('follows explicit extensions whatever the code says', () => {
    expect(style("const a = require('a');", '/p/a.mjs')).toBe('esm');
    expect(style("const a = require('a');", '/p/a.mts')).toBe('esm');
    expect(style("import a from 'a';", '/p/a.cjs')).toBe('cjs');
    expect(style('export const a = 1;', '/p/a.cts')).toBe('cjs');
  });

  it('reads import and export syntax as ESM, even next to a require', () => {
    expect(style("import a from 'a';\nconst b = require('b');", '/p/a.js')).toBe('esm');
    expect(style('export default 1;', '/p/a.jsx')).toBe('esm');
  });

  it('reads require calls and exports assignments as CommonJS', () => {
    expect(style("const { a } = require('a').b;", '/p/a.js')).toBe('cjs');
    expect(style("require('side-effect');", '/p/a.js')).toBe('cjs');
    expect(style('module.exports = {};', '/p/a.ts')).toBe('cjs');
    expect(style('exports.run = run;', '/p/a.js')).toBe('cjs');
    expect(style('module.exports.run = run;', '/p/a.js')).toBe('cjs');
  });

  it('falls back to ESM for TypeScript and CommonJS for plain JavaScript', () => {
    expect(style('run();', '/p/a.ts')).toBe('esm');
    expect(style('run();', '/p/a.tsx')).toBe('esm');
    expect(style('run();', '/p/a.js')).toBe('cjs');
    expect(style('function f() { return require("x"); }', '/p/a.js')).toBe('cjs');
  });
});
