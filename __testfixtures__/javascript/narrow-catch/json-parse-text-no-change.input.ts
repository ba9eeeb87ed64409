export function settingsFrom(rows: { key: string; value: string }[]): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const row of rows) {
    try {
      result[row.key] = JSON.parse(row.value);
    } catch (e) {
      result[row.key] = row.value;
    }
  }
  return result;
}
