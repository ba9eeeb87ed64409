import type { Command } from 'commander';
import { listing, type Listing } from '../listing.js';
import type { Output } from '../output/console.js';
import type { CommandContext } from './context.js';

interface ListFlags {
  json?: boolean;
}

export function registerList(program: Command, context: CommandContext): void {
  program
    .command('list')
    .description('list the transforms migrate applies and the rules audit reports, each with a one-line description')
    .option('--json', 'print { transforms: [{ id, title, description, changesBehaviour, severity, docs, docsUrl }], rules: [{ id, title, description, severity, docs, docsUrl }] }')
    .action(async (flags: ListFlags, command: Command) => {
      const output = context.output(command);
      // The transforms are loaded on use, like the engines: no other command needs them at start.
      const [{ allTransforms }, { auditRules }, { allPythonRules }] = await Promise.all([
        import('../../transforms/javascript/registry.js'),
        import('../../transforms/javascript/rules/registry.js'),
        import('../../transforms/python/registry.js'),
      ]);
      const result = listing(allTransforms, auditRules, allPythonRules);
      if (flags.json) output.data(JSON.stringify(result, null, 2));
      else output.data(listingText(result, output.colors).join('\n'));
    });
}

/** The listing for people: one entry per id, its description, then its severity, notes and docs page on the web. */
export function listingText(result: Listing, colors: Output['colors']): string[] {
  const width = Math.max(0, ...[...result.transforms, ...result.rules, ...result.python].map((entry) => entry.id.length)) + 2;
  const entry = (id: string, description: string, notes: string[]): string[] => [
    `  ${colors.bold(id.padEnd(width))}${description}`,
    `  ${' '.repeat(width)}${colors.dim(notes.join(' · '))}`,
  ];
  const lines = ['Transforms: `faultline migrate` fixes what they find, `faultline audit` reports it', ''];
  for (const transform of result.transforms) {
    const behaviour = transform.changesBehaviour ? ['can change behaviour'] : [];
    lines.push(...entry(transform.id, transform.description, [transform.severity, ...behaviour, transform.docsUrl ?? transform.docs]));
  }
  if (result.rules.length > 0) {
    lines.push('', 'Audit-only rules: `faultline audit` reports them; fixing them takes a person', '');
    for (const rule of result.rules) lines.push(...entry(rule.id, rule.description, [rule.severity, rule.docsUrl ?? rule.docs]));
  }
  if (result.python.length > 0) {
    lines.push('', 'Python rules: `faultline audit` reports them; `faultline migrate` fixes those marked fixable', '');
    for (const rule of result.python) {
      const fixable = rule.fixable ? ['fixable'] : [];
      const codes = rule.equivalents.length > 0 ? [rule.equivalents.join(', ')] : [];
      lines.push(...entry(rule.id, rule.description, [rule.severity, ...fixable, ...codes, rule.docsUrl ?? rule.docs]));
    }
  }
  return lines;
}
