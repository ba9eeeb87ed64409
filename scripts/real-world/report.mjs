/** The one table the harness prints, and the same results as markdown. */

const PHASES = ['before', 'init', 'migrate'];

/** A check's figure: the counted errors or failures, else ok/fail from the exit code. */
export function formatCheck(check) {
  if (!check) return 'n/a';
  if (check.timedOut) return 'timeout';
  if (check.count === null) return check.exitCode === 0 ? 'ok' : 'fail';
  // The command failed although nothing was counted: a coverage threshold, a crash, unread output.
  return check.exitCode !== 0 && check.count === 0 ? '0!' : String(check.count);
}

function across(result, pick) {
  return PHASES.filter((phase) => result.phases[phase]).map((phase) => pick(result.phases[phase])).join('→');
}

export function tableRows(results, { migrate }) {
  const header = ['project', 'kind', 'commit', 'type errors', 'lint errors', 'test failures', 'pack-load'];
  if (migrate) header.push('sites rewritten', 'new lint in changed files', 'second run changes');
  const rows = results.map((result) => {
    if (result.error) return [result.name, result.kind ?? '?', result.commit ?? '?', `not run: ${result.error}`];
    const row = [
      result.name,
      result.kind,
      result.commit,
      across(result, (phase) => formatCheck(phase.typecheck)),
      across(result, (phase) => formatCheck(phase.lint)),
      across(result, (phase) => formatCheck(phase.test)),
      across(result, (phase) => phase.pack?.status ?? 'n/a'),
    ];
    if (migrate) {
      const report = result.migrate;
      row.push(report ? String(report.sites) : 'n/a', report?.lintInChangedFiles === undefined ? 'n/a' : String(report.lintInChangedFiles), secondRun(report));
    }
    return row;
  });
  return [header, ...rows];
}

/** What a second migrate over the migrated code changed: sites and files, or `?` when it did not report. */
function secondRun(report) {
  const second = report?.secondRun;
  if (!second) return 'n/a';
  if (second.sites === null) return `? (exit ${second.exitCode})`;
  return second.sites === 0 && second.files === 0 ? '0' : `${second.sites} sites, ${second.files} files`;
}

export function formatTable(rows) {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => String(row[column] ?? '').length)));
  const line = (row) => row.map((cell, column) => String(cell ?? '').padEnd(widths[column])).join('  ').trimEnd();
  return [line(rows[0]), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

export function formatMarkdown(results, { migrate, faultline, started }) {
  const rows = tableRows(results, { migrate });
  const escape = (cell) => String(cell ?? '').replaceAll('|', '\\|');
  const lines = [
    `# Real-world run ${started}`,
    '',
    `faultline: ${faultline}. Cells read before→after init${migrate ? '→after migrate' : ''}. ` +
      'A number is a count parsed from the tool; ok/fail is the exit code where nothing could be counted; ' +
      '`0!` means the command failed although no errors were counted (a coverage threshold, a crash, or output the harness does not read).',
    '',
    `| ${rows[0].join(' | ')} |`,
    `| ${rows[0].map(() => '---').join(' | ')} |`,
    ...rows.slice(1).map((row) => `| ${row.map(escape).join(' | ')} |`),
    '',
  ];
  for (const result of results) {
    lines.push(`## ${result.name}`, '');
    if (result.error) {
      lines.push(`Not run: ${result.error}`, '');
      continue;
    }
    lines.push(`- ${result.language ?? 'javascript'} ${result.kind}; install: \`${result.install}\``);
    for (const [check, command] of Object.entries(result.commands)) lines.push(`- ${check}: ${command ? `\`${command}\`` : 'none'}`);
    if (result.init) lines.push(`- init: exit ${result.init.exitCode}${result.init.reinstalled ? ', package.json changed: dependencies installed again' : ''}; diff in \`init.diff\``);
    if (result.migrate) {
      const perTransform = Object.entries(result.migrate.perTransform)
        .filter(([, counts]) => counts.fixed > 0)
        .map(([id, counts]) => `${id} ${counts.fixed}`)
        .join(', ');
      lines.push(`- migrate ${result.migrate.sources.join(' ')}: exit ${result.migrate.exitCode}, ${result.migrate.sites} sites${perTransform ? ` (${perTransform})` : ''}, ${result.migrate.files} files; diff in \`migrate.diff\``);
      for (const problem of result.migrate.lintProblemsInChangedFiles ?? []) lines.push(`  - new lint in a changed file: ${problem}`);
    }
    for (const phase of PHASES) {
      const checks = result.phases[phase];
      if (!checks) continue;
      const pack = checks.pack ? `${checks.pack.status}${Object.keys(checks.pack.checks).length ? ` (${Object.entries(checks.pack.checks).map(([k, v]) => `${k}: ${v}`).join(', ')})` : ''}` : 'n/a';
      lines.push(`- ${phase}: build ${formatCheck(checks.build)}, types ${formatCheck(checks.typecheck)}, lint ${formatCheck(checks.lint)}, tests ${formatCheck(checks.test)}${checks.test?.passed != null ? ` failed of ${checks.test.passed + checks.test.count}` : ''}, pack ${pack}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
