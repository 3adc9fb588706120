/**
 * CSV text for the meeting record. Names and reasons come from the field and from anyone
 * with an editor account, so a cell a spreadsheet would run as a formula gets a leading
 * quote — the same rule as the server's exports (server/export/csv-writer.ts).
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** RFC 4180: quoted when it holds a comma, quote or line break; quotes doubled. */
function quoted(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Numbers and booleans as they are (−2 is a number, not a formula); text neutralised then quoted. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return quoted(neutraliseFormula(value.join('; ')));
  if (typeof value === 'object') return quoted(neutraliseFormula(JSON.stringify(value)));
  return quoted(neutraliseFormula(String(value)));
}

export function csvText(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\n') + '\n';
}
