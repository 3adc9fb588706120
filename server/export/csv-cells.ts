import { stringify, type Options } from 'csv-stringify/sync';

/**
 * CSV that a spreadsheet opens without running anything (OWASP, CSV injection). Names and
 * reasons come from the field and from anyone with an editor account. Shared by the server's
 * exports and the pages' downloads (web/src/shared/csv-file.ts): no Node API here.
 *
 * Two defences, because a French-locale spreadsheet splits on `;` and others on `,` or tabs:
 * - every text cell is quoted, so a separator inside a name stays inside its cell;
 * - a formula trigger (= + - @, their full-width forms, tab, CR) at the start of the text or
 *   right after any separator or line break gets a leading `'`, so that even a reader that
 *   splits the quoted cell finds no cell that starts a formula.
 */
const FORMULA_START = /(?<=^|[,;\t\r\n|\uFF0C\uFF1B])( *)(?=[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\t\r])/g;

export function defuseFormula(text: string): string {
  return text.replace(FORMULA_START, "$1'");
}

/**
 * Text the server wrote itself from numbers (a geometry's GeoJSON): quoted like all text but
 * not defused, since `,-2.2` there is a coordinate, and no one can put a formula in it. The
 * constructor takes only that shape: a type name and coordinates.
 */
const GEOMETRY_JSON = /^\{"type":"[A-Za-z]+","coordinates":[[\]\d.,eE+-]*\}$/;
export class NumbersOnly {
  constructor(readonly text: string) {
    if (!GEOMETRY_JSON.test(text)) throw new Error('NumbersOnly holds the GeoJSON of a geometry the server wrote, nothing else');
  }
}

/** A value as cell text: numbers and booleans as they are (−2 is a number, not a formula); everything else defused. */
export function cellText(value: unknown): string | number | boolean {
  if (value === null || value === undefined) return '';
  if (value instanceof NumbersOnly) return value.text;
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  if (typeof value === 'boolean') return value;
  if (Array.isArray(value)) return defuseFormula(value.join('; '));
  if (typeof value === 'object') return defuseFormula(JSON.stringify(value));
  return defuseFormula(String(value));
}

/** How every CSV of the app is written (RFC 4180, `\n` line ends): text cells quoted, numbers bare, empty cells empty. */
export const CSV_OPTIONS = {
  quoted_string: true,
  quoted_empty: false,
  record_delimiter: 'unix',
  cast: { boolean: (b: boolean) => String(b) },
} satisfies Options;

/** A row as csv-stringify takes it: every value through `cellText`. */
export const csvRow = (row: readonly unknown[]): Array<string | number | boolean> => row.map(cellText);

/** Lines of CSV at once, for what fits in memory (the pages' downloads, tests); the server's exports stream (csv-writer.ts). */
export function csvLines(rows: readonly (readonly unknown[])[]): string {
  return stringify(rows.map(csvRow), CSV_OPTIONS);
}
