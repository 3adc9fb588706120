import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HttpError } from '../../../server/http/errors.js';
import { REQUIRED_COLUMNS } from '../../../server/sites/ipis/ipis-format.js';
import { linesLabel, parseIpisCsv } from '../../../server/sites/ipis/parse-ipis-csv.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/ipis/${name}`, import.meta.url));
const KALEHE = readFileSync(new URL('../../../data/ipis/ipis-kalehe-visits.csv', import.meta.url));
const HEADER = REQUIRED_COLUMNS.join(',');
const row = (vid: string) => REQUIRED_COLUMNS.map((c) => (c === 'vid' ? vid : c === 'visit_date' ? '2020-01-01' : 'x')).join(',');

describe('parseIpisCsv', () => {
  it('reads the Kalehe file: 85 columns, 359 rows, each on its own line', () => {
    const parsed = parseIpisCsv(KALEHE);
    expect(parsed.header).toHaveLength(85);
    expect(parsed.rows).toHaveLength(359);
    expect(parsed.rejected).toEqual([]);
    expect(parsed.warnings).toEqual([]);
    expect(parsed.rows[0]!.line).toBe(2);
    expect(parsed.rows.at(-1)!.line).toBe(360);
    expect(parsed.rows.find((r) => r.record.vid === '5957')!.line).toBe(299);
    expect(parsed.rows[0]!.record).toMatchObject({ vid: '47', pcode: 'codmine00830', name: 'Tshamatembe', territoire: 'Kalehe' });
  });

  it('reads the same from a string and from a Buffer with a byte-order mark', () => {
    const fromBuffer = parseIpisCsv(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), KALEHE]));
    const fromString = parseIpisCsv(KALEHE.toString('utf8'));
    expect(fromBuffer.header[0]).toBe('FID');
    expect(fromBuffer.rows).toEqual(fromString.rows);
  });

  it('refuses a file without the IPIS columns, naming the missing ones', () => {
    expect(() => parseIpisCsv(fixture('missing-columns.csv'))).toThrow('missing required column(s) pcode, visit_date');
    try {
      parseIpisCsv('a,b,c\n1,2,3\n');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(HttpError);
      expect((error as HttpError).statusCode).toBe(400);
      expect((error as HttpError).message).toContain(REQUIRED_COLUMNS.join(', '));
    }
  });

  it('refuses an empty file and a header that repeats a column', () => {
    expect(() => parseIpisCsv('')).toThrow('the IPIS file is empty');
    expect(() => parseIpisCsv(`${HEADER},vid\n`)).toThrow('column(s) vid more than once');
  });

  it('rejects a row with the wrong number of fields, with its line, and reads the rest', () => {
    const parsed = parseIpisCsv(`${HEADER}\n${row('1')}\n1,2,3\n${row('3')}\n`);
    expect(parsed.rows.map((r) => [r.line, r.record.vid])).toEqual([
      [2, '1'],
      [4, '3'],
    ]);
    expect(parsed.rejected).toEqual([{ at: 'line 3', reason: `has 3 fields where the header has ${REQUIRED_COLUMNS.length} columns` }]);
  });

  it('counts lines as an editor does: quoted newlines, CRLF, empty lines', () => {
    const twoLines = row('2').replace(/,x$/, ',"a\r\nb"');
    const parsed = parseIpisCsv(`${HEADER}\r\n${row('1')}\r\n\r\n${twoLines}\r\n${row('3')}\r\n`);
    expect(parsed.rows.map((r) => [r.line, r.record.vid])).toEqual([
      [2, '1'],
      [4, '2'],
      [6, '3'],
    ]);
    expect(parsed.rows[1]!.record.type_armed_group1).toBe('a\nb');
  });

  it('reports a quote never closed, with where it opened, and keeps the rows before it', () => {
    const parsed = parseIpisCsv(`${HEADER}\n${row('1')}\n${row('2').replace(/,x$/, ',"never closed')}\n${row('3')}\n`);
    expect(parsed.rows.map((r) => r.record.vid)).toEqual(['1']);
    expect(parsed.rejected).toEqual([
      { at: 'lines 3-4', reason: 'a quoted field opened on line 3 is never closed, so the rest of the file could not be read' },
    ]);
  });

  it('keeps a stray quote inside a field rather than losing the row', () => {
    const parsed = parseIpisCsv(`${HEADER}\n${row('1').replace(/,x$/, ',"Kibuye" centre')}\n`);
    expect(parsed.rejected).toEqual([]);
    expect(parsed.rows[0]!.record.type_armed_group1).toBe('"Kibuye" centre');
  });

  it('skips rows of bare commas with a warning, reads semicolons and Windows-1252', () => {
    const text = `${HEADER}\n${row('1')}\n${','.repeat(REQUIRED_COLUMNS.length - 1)}\n`.replace(/,/g, ';').replace('x', 'Kalehe é');
    const parsed = parseIpisCsv(Buffer.from(text, 'latin1'));
    expect(parsed.rows).toHaveLength(1);
    expect(parsed.rows[0]!.record.pcode).toBe('Kalehe é');
    expect(parsed.warnings).toEqual(
      expect.arrayContaining([
        { at: 'file', message: 'not valid UTF-8: read as Windows-1252 (check accented names)' },
        { at: 'line 3', message: '1 row(s) without any value skipped' },
      ]),
    );
  });

  it('says which optional columns a file lacks', () => {
    const parsed = parseIpisCsv(`${HEADER}\n${row('1')}\n`);
    expect(parsed.warnings[0]).toMatchObject({ at: 'header' });
    expect(parsed.warnings[0]!.message).toMatch(/^column\(s\) geom, project, visit_onsite, .* absent: read as empty on every row$/);
  });

  it('labels lines briefly', () => {
    expect(linesLabel([4])).toBe('line 4');
    expect(linesLabel([4, 9])).toBe('lines 4, 9');
    expect(linesLabel([1, 2, 3, 4], 2)).toBe('lines 1, 2 and 2 more');
  });
});
