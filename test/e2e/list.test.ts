import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listingText } from '../../cli/commands/list.js';
import { listing, type Listing } from '../../cli/listing.js';
import { Output } from '../../cli/output/console.js';
import { allTransforms } from '../../transforms/javascript/registry.js';
import { auditRules } from '../../transforms/javascript/rules/registry.js';
import { faultline, repoRoot } from '../support/cli.js';

describe('faultline list', () => {
  it('prints every transform and audit-only rule as JSON, in catalogue order, with their docs pages', () => {
    const result = faultline(['list', '--json']);
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout) as Listing;
    expect(printed.transforms.map((transform) => transform.id)).toEqual(allTransforms.map((transform) => transform.meta.id));
    expect(printed.transforms.map((transform) => transform.id)).toEqual([
      'empty-catch',
      'console-in-catch',
      'error-cause',
      'useless-catch',
      'throw-literal',
      'domain-errors',
      'promise-catch',
      'narrow-catch',
    ]);
    expect(printed.rules.map((rule) => rule.id)).toEqual(auditRules.map((rule) => rule.meta.id));
    for (const entry of [...printed.transforms, ...printed.rules]) {
      expect(entry.description.length, entry.id).toBeGreaterThan(10);
      expect(entry.description, entry.id).not.toContain('\n');
    }
    for (const transform of printed.transforms) {
      expect(transform.docs).toBe(`docs/transforms/${transform.id}.md`);
      expect(existsSync(path.join(repoRoot, transform.docs)), transform.docs).toBe(true);
    }
    for (const rule of printed.rules) expect(rule.docs).toBe(`docs/rules/${rule.id}.md`);
    const { version } = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    for (const entry of [...printed.transforms, ...printed.rules]) {
      expect(entry.docsUrl).toBe(`https://github.com/faultline-dev/faultline/blob/v${version}/${entry.docs}`);
    }
    const changing = printed.transforms.filter((transform) => transform.changesBehaviour).map((transform) => transform.id);
    expect(changing).toEqual(['throw-literal', 'domain-errors', 'narrow-catch']);
  });

  it('prints each entry with its description, severity, whether it can change behaviour, and its docs page', () => {
    const result = faultline(['list']);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    for (const transform of allTransforms) {
      const index = lines.findIndex((line) => line.trim().startsWith(`${transform.meta.id} `));
      expect(lines[index], transform.meta.id).toContain(transform.meta.description);
      const notes = lines[index + 1] ?? '';
      expect(notes).toContain(transform.meta.docs);
      expect(notes).toContain(transform.meta.severity);
      expect(notes.includes('can change behaviour'), transform.meta.id).toBe(transform.meta.changesBehaviour);
    }
    expect(result.stdout.indexOf('Audit-only rules')).toBeGreaterThan(result.stdout.indexOf('promise-catch'));
    for (const rule of auditRules) expect(result.stdout).toContain(`${rule.meta.id}  `);
  });

  it('leaves out the rules heading when there are no audit-only rules', () => {
    const colors = new Output({ color: false, quiet: false, verbose: false }).colors;
    const text = listingText(listing(allTransforms, []), colors).join('\n');
    expect(text).toContain('throw-literal');
    expect(text).not.toContain('Audit-only rules');
  });

  it('refuses arguments it does not take, in one line with exit code 2', () => {
    const result = faultline(['list', 'transforms']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("too many arguments for 'list'");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
