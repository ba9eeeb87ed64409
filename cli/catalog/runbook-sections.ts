/**
 * The shape every runbook page shares. A runbook is part generated (the metadata block between
 * the markers, refreshed from the catalog) and part owned by the team (the sections), and
 * `check` insists the sections exist so an on-call engineer always finds the same headings.
 */

export const GENERATED_BLOCK_START = '<!-- faultline:generated:start -->';
export const GENERATED_BLOCK_END = '<!-- faultline:generated:end -->';

/** Level-2 headings (without `## `) every runbook must keep, in this order. */
export const REQUIRED_RUNBOOK_SECTIONS: readonly string[] = [
  'What it means',
  'Impact',
  'How to triage',
  'How to remediate',
  'How to communicate',
  'Dashboards and alerts',
];

/** The required sections a runbook page lacks (compared case-insensitively, ignoring trailing spaces and `#`s). */
export function missingRunbookSections(markdown: string): string[] {
  const headings = new Set<string>();
  // One pass over the page: lines end at \n or \r\n, as when it was split into lines.
  for (const match of markdown.matchAll(/(?:^|\n)##[ \t]+(.*?)[ \t#]*(?=\r?\n|$)/g)) headings.add(match[1]!.toLowerCase());
  return REQUIRED_RUNBOOK_SECTIONS.filter((section) => !headings.has(section.toLowerCase()));
}
