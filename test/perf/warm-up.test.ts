import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runAudit } from '../../cli/audit/run.js';
import { detectSource } from '../../cli/migrate/detect-file.js';
import { loadDetectionProject } from '../../cli/migrate/project.js';
import { WARM_UP_SAMPLES } from '../../cli/migrate/warm-up-sample.js';
import { WARM_UP_MIN_FILES, warmUpDetection } from '../../cli/migrate/warm-up.js';
import { parseForDetection } from '../../transforms/javascript/lib/detection-parse.js';
import { preorderOf } from '../../transforms/javascript/lib/preorder.js';
import { allTransforms } from '../../transforms/javascript/registry.js';
import { auditRules } from '../../transforms/javascript/rules/registry.js';
import { createAuditProject, removeAuditProjects } from '../audit/projects.js';
import { fixtureCorpus, fixtureKit, fixtureRoot } from './corpus.js';

afterAll(removeAuditProjects);

const builtIn = [...allTransforms, ...auditRules];

describe('the warm-up samples', () => {
  it.each(WARM_UP_SAMPLES.map((source, index) => [index, source] as const))('sample %i parses on the fast path (meriyah, converted)', (_index, source) => {
    // Only the converted meriyah tree carries a recorded walk order; @babel/parser's does not.
    expect(preorderOf(parseForDetection(source, path.join(fixtureRoot, 'sample.js')))).toBeDefined();
  });

  it('are one ASCII text and one beyond it, the two kinds of string V8 keeps', () => {
    expect(WARM_UP_SAMPLES.map((source) => /^[\x00-\x7f]*$/.test(source))).toEqual([true, false]);
  });

  it('give every rule that can fire on JavaScript a finding', () => {
    const found = new Set<string>();
    for (const source of WARM_UP_SAMPLES) {
      const outcome = detectSource({ source, filePath: path.join(fixtureRoot, 'sample.js'), transforms: builtIn, kit: fixtureKit() });
      if (outcome.kind === 'findings') for (const finding of outcome.findings) found.add(finding.ruleId);
    }
    // catch-any looks for a TypeScript annotation, which JavaScript cannot have.
    expect(builtIn.map((module) => module.meta.id).filter((id) => !found.has(id))).toEqual(['catch-any']);
  });
});

describe('an audit long enough to be warmed up', () => {
  const corpus = fixtureCorpus();

  it('has the findings each of its files has when detected on its own', async () => {
    // The fixtures, TypeScript included, and their JavaScript again in a second folder: enough
    // JavaScript files for the warm-up.
    const isJavaScript = (file: string): boolean => /\.(?:js|jsx|mjs|cjs)$/.test(file);
    const placed = (folder: string, files: Array<[string, string]>): Array<[string, string]> =>
      files.map(([file, text], index) => [`${folder}/${String(index).padStart(3, '0')}-${path.basename(file)}`, text]);
    const entries = [...placed('src', corpus), ...placed('src/again', corpus.filter(([file]) => isJavaScript(file)))];
    expect(entries.filter(([file]) => isJavaScript(file)).length).toBeGreaterThanOrEqual(WARM_UP_MIN_FILES);
    const files = Object.fromEntries(entries);
    const root = createAuditProject(files);
    const report = await runAudit({ cwd: root });

    const { kit } = loadDetectionProject(root);
    const alone = Object.entries(files).flatMap(([file, source]) => {
      const outcome = detectSource({ source, filePath: path.join(root, file), transforms: builtIn, kit });
      return outcome.kind === 'findings' ? outcome.findings.map((finding) => [file, finding.ruleId, finding.line, finding.column, finding.message]) : [];
    });
    expect(report.findings.length).toBeGreaterThan(100);
    expect(report.findings.map((finding) => [finding.file, finding.ruleId, finding.line, finding.column, finding.message])).toEqual(alone);
  });

  it('was warmed by that run, once for the process', () => {
    expect(warmUpDetection({ root: fixtureRoot, kit: fixtureKit(), files: Array.from({ length: 1_000 }, (_, index) => `${index}.js`) })).toBe(false);
  });
});
