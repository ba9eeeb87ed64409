/**
 * Counts read from the summaries the usual tools print. Each counter returns null when it finds no
 * summary it knows: the harness then falls back to the exit code.
 */

const sum = (text, pattern) => {
  let total = 0;
  let found = false;
  for (const match of text.matchAll(pattern)) {
    total += Number(match[1]);
    found = true;
  }
  return found ? total : null;
};

/** tsc (plain and `-b`), vue-tsc: one `error TSnnnn` per diagnostic. */
export function countTypeErrors(output) {
  const errors = output.match(/error TS\d+:/g);
  if (errors) return errors.length;
  return /Found 0 errors/.test(output) ? 0 : null;
}

/**
 * Whether the lint command fails on warnings too (`--max-warnings 0`): then a warning is as much a
 * new failure as an error, and is counted like one.
 */
export const warningsFail = (command = '') => /--max-warnings[= ]0\b/.test(command);

/** eslint and xo (stylish), standard, biome, oxlint, prettier --check, flake8, ruff (concise, quiet). */
export function countLintErrors(output, command) {
  const counts = [
    // eslint: "✖ 12 problems (10 errors, 2 warnings)"
    warningsFail(command)
      ? sum(output, /✖ (\d+) problems? \(\d+ errors?, \d+ warnings?\)/g)
      : sum(output, /✖ \d+ problems? \((\d+) errors?, \d+ warnings?\)/g),
    // xo: "  12 errors" on its own line
    sum(output, /^\s*✖?\s*(\d+) errors?\s*$/gm),
    // biome: "Found 12 errors."
    sum(output, /^Found (\d+) errors?\.?$/gm),
    // oxlint: "Found 3 warnings and 12 errors."
    sum(output, /Found \d+ warnings? and (\d+) errors?/g),
    // prettier --check: "Code style issues found in 3 files."
    sum(output, /Code style issues found in (\d+) files?/g),
    /Code style issues found in the above file/.test(output) ? 1 : null,
  ];
  // flake8 and ruff's concise output (quiet, so without its summary): one "path.py:line:col: CODE message" per problem.
  const python = output.match(/^\S+\.pyi?:\d+:\d+: [A-Z]+\d+\b/gm);
  if (python) counts.push(python.length);
  else if (/^All checks passed!$/m.test(output)) counts.push(0);
  // standard prints one "path:line:col: message" line per problem and no summary.
  const standard = output.match(/^\s*\S+:\d+:\d+: .+$/gm);
  if (/^standard: /m.test(output) && standard) counts.push(standard.length);
  const known = counts.filter((count) => count !== null);
  return known.length === 0 ? null : known.reduce((a, b) => a + b, 0);
}

/** vitest, jest, mocha, node:test (spec and TAP), borp, ava, pytest, unittest. Returns { failed, passed } or null. */
export function countTests(output) {
  const families = [
    // vitest: " Tests  2 failed | 40 passed (42)"
    { failed: /^\s*Tests\s+.*?(\d+) failed/gm, passed: /^\s*Tests\s+.*?(\d+) passed/gm },
    // jest: "Tests:       1 failed, 5 passed, 6 total"
    { failed: /^Tests:\s+.*?(\d+) failed/gm, passed: /^Tests:\s+.*?(\d+) passed/gm },
    // mocha: "  12 passing (30ms)" / "  1 failing"
    { failed: /^\s*(\d+) failing/gm, passed: /^\s*(\d+) passing/gm },
    // node:test spec reporter and TAP
    { failed: /^(?:ℹ|#) fail (\d+)/gm, passed: /^(?:ℹ|#) pass (\d+)/gm },
    // borp's line reporter: "Passed: 336" / "Failed: 0"
    { failed: /^Failed: (\d+)$/gm, passed: /^Passed: (\d+)$/gm },
    // ava: "  3 tests failed" / "  10 tests passed"
    { failed: /^\s*(\d+) tests? failed/gm, passed: /^\s*(\d+) tests? passed/gm },
  ];
  let failed = null;
  let passed = null;
  for (const family of families) {
    const f = sum(output, family.failed);
    const p = sum(output, family.passed);
    if (f === null && p === null) continue;
    failed = (failed ?? 0) + (f ?? 0);
    passed = (passed ?? 0) + (p ?? 0);
  }
  // pytest: "==== 2 failed, 98 passed, 1 skipped in 3.21s ====" (errors in collection or fixtures count as failures)
  const pytest = [...output.matchAll(/^=+ (.*\b(?:passed|failed|errors?|skipped|deselected|xfailed|xpassed|no tests ran)\b.*) in [\d.]+s(?: \([^)]*\))? =+$/gm)].pop();
  if (pytest) {
    const count = (word) => Number(pytest[1].match(new RegExp(`(\\d+) ${word}\\b`))?.[1] ?? 0);
    failed = (failed ?? 0) + count('failed') + count('errors?');
    passed = (passed ?? 0) + count('passed');
  }
  // unittest: "Ran 12 tests in 0.01s", then "OK" or "FAILED (failures=1, errors=2, skipped=1)"
  const ran = [...output.matchAll(/^Ran (\d+) tests? in [\d.]+s$/gm)].pop();
  if (ran) {
    const outcome = output.slice(ran.index).match(/^(OK|FAILED)\b(.*)$/m);
    const field = (name) => Number(outcome?.[2].match(new RegExp(`${name}=(\\d+)`))?.[1] ?? 0);
    const bad = field('failures') + field('errors') + field('unexpected successes');
    failed = (failed ?? 0) + bad;
    passed = (passed ?? 0) + Number(ran[1]) - bad - field('skipped') - field('expected failures');
  }
  return failed === null ? null : { failed, passed };
}

/**
 * Problems a linter reports with a file and line, for "errors on changed lines". Understands stylish
 * output (a file header, then "  line:col  error  message  rule") and "file:line:col" lines.
 * @returns {{ file: string, line: number, text: string }[]}
 */
export function lintLocations(output, command) {
  const level = warningsFail(command) ? '(?:error|warning)' : 'error';
  const stylishProblem = new RegExp(`^\\s+(?:(\\d+):\\d+\\s+${level}\\s|✖\\s+(\\d+):\\d+\\s)`);
  const found = [];
  let currentFile = null;
  for (const raw of output.split('\n')) {
    const line = raw.trimEnd();
    // A file header: stylish prints the bare path, xo the path of its first problem.
    const header = line.match(/^\s*(\S+?\.[cm]?[jt]sx?)(?::\d+:\d+)?$/);
    if (header) {
      currentFile = header[1];
      continue;
    }
    // standard, biome, eslint's unix format, flake8, ruff: "path:line:col: message" or "path:line:col rule".
    const inline = line.match(/^\s*(\S+?\.(?:[cm]?[jt]sx?|pyi?)):(\d+):\d+:?\s+\S/);
    if (inline) {
      found.push({ file: inline[1], line: Number(inline[2]), text: line.trim().replace(/\s+/g, ' ') });
      continue;
    }
    // stylish "  12:5  error  message  rule", xo "  ✖  12:5  message  rule"
    const stylish = line.match(stylishProblem);
    if (stylish && currentFile) found.push({ file: currentFile, line: Number(stylish[1] ?? stylish[2]), text: line.trim().replace(/\s+/g, ' ') });
  }
  return found;
}
