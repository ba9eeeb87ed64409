/**
 * Text made safe for one cell of a Markdown table: a `|` would end the cell and a line break
 * would end the row. Docs templates expect their table cells prepared with this
 * (e.g. `messageTableCell`), since templates themselves never transform values.
 */
export function markdownTableCell(text: string): string {
  return text
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/\\?\|/g, '\\|')
    .trim();
}
