import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvLines, defuseFormula, NumbersOnly } from '../../server/export/csv-cells.js';

/**
 * Issue 16: CSV injection. The payloads (tests/fixtures/csv-injection/payloads.txt, one a
 * line: OWASP's list and names built to split on `;`) go through the one function that
 * writes the server's exports and the pages' downloads, then are read back as a spreadsheet
 * would, with `,`, `;` or a tab as the list separator, and also by a reader that ignores
 * quotes. No cell may start a formula; no character of the name may be lost.
 */
const PAYLOADS = [
  ...readFileSync(new URL('../fixtures/csv-injection/payloads.txt', import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line !== ''),
  'Nom\n=1+1',
  'Nom\r\n@SUM(1+1)',
];
/** A cell a spreadsheet would run: a trigger first, after blanks or an opening quote at most. */
const LIVE = /^\s*"?\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;

describe('CSV cells', () => {
  it.each(PAYLOADS.map((p) => [p]))('defuses %j for every list separator and for a reader that ignores quotes', (payload) => {
    const text = csvLines([
      ['id', 'name'],
      [7, payload],
    ]);
    for (const delimiter of [',', ';', '\t']) {
      // Read with the wrong separator a quote can end up unclosed; the parser then gives up, and
      // only the quote-blind reading below is left, as in a spreadsheet that shows the raw line.
      const rows = readOrNothing(text, delimiter);
      for (const cell of rows.flat()) expect(cell, `read with ${JSON.stringify(delimiter)}`).not.toMatch(LIVE);
      for (const line of text.split(/\r?\n/)) {
        for (const piece of line.split(delimiter))
          expect(piece.trim().replace(/^"/, ''), `split on ${JSON.stringify(delimiter)}, quotes ignored`).not.toMatch(LIVE);
      }
    }
    const name = (parse(text) as string[][])[1]![1]!;
    expect(name.replaceAll("'", '')).toBe(payload.replaceAll("'", ''));
  });

  it('quotes every text cell and leaves numbers bare, so a negative number stays a number', () => {
    expect(csvLines([['a;b', -2, 1.5, true, null, ['x', '-y']]])).toBe(`"a;b",-2,1.5,true,,"x; '-y"\n`);
  });

  it('leaves ordinary text alone: dates, hyphenated names, a sum in the middle of a sentence', () => {
    for (const text of ['2019-05-01', 'Kalehe - Bitale', 'Coopérative minière (COMIKA)', 'a = b', "l'or"]) expect(defuseFormula(text)).toBe(text);
  });

  it('writes a geometry of its own making as it is, and refuses text in its place', () => {
    const geometry = JSON.stringify({
      type: 'LineString',
      coordinates: [
        [28.6, -2.2],
        [28.7, -2.1],
      ],
    });
    expect(csvLines([[new NumbersOnly(geometry)]])).toBe(`"${geometry.replaceAll('"', '""')}"\n`);
    expect(() => new NumbersOnly('=HYPERLINK("x")')).toThrow();
  });
});

function readOrNothing(text: string, delimiter: string): string[][] {
  try {
    return parse(text, { delimiter, relax_column_count: true, relax_quotes: true }) as string[][];
  } catch (error) {
    if (error instanceof Error && /Quote Not Closed/.test(error.message)) return [];
    throw error;
  }
}
