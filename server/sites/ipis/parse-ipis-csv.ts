import { parse, type CsvError } from 'csv-parse/sync';
import { badRequest } from '../../http/errors.js';
import type { Rejection, Warning } from '../../import/import-report.js';
import { REQUIRED_COLUMNS, OPTIONAL_COLUMNS, type IpisRow } from './ipis-format.js';

export interface ParsedIpisCsv {
  header: string[];
  rows: IpisRow[];
  /** Lines that could not be read as a row of the header's columns. */
  rejected: Rejection[];
  warnings: Warning[];
}

/**
 * Reads an IPIS open-data CSV into rows keyed by column name, each with the line it starts
 * on. A line that cannot be read is rejected with its line number and the rest are read;
 * a file without the IPIS columns is refused as a whole (HTTP 400), saying which are missing.
 */
export function parseIpisCsv(input: string | Buffer): ParsedIpisCsv {
  const warnings: Warning[] = [];
  const text = normaliseNewlines(decode(input, warnings));
  const rejected: Rejection[] = [];
  const records: Array<{ fields: string[]; endLine: number }> = [];
  let lastEndLine = 0;

  parse(text, {
    delimiter: guessDelimiter(text),
    // IPIS free-text fields sometimes hold a stray quote; reading it literally keeps the row.
    relax_quotes: true,
    // A row with the wrong number of fields is rejected below, with its line, not thrown.
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_record: (fields: string[], context: { lines: number }) => {
      records.push({ fields, endLine: context.lines });
      lastEndLine = context.lines;
      return undefined;
    },
    on_skip: (error: CsvError | undefined) => {
      const line = Number(error?.lines ?? lastEndLine + 1);
      if (error?.code === 'CSV_QUOTE_NOT_CLOSED') {
        rejected.push({
          at: `lines ${lastEndLine + 1}-${line}`,
          reason: `a quoted field opened on line ${lastEndLine + 1} is never closed, so the rest of the file could not be read`,
        });
      } else {
        rejected.push({ at: `line ${line}`, reason: `not readable as CSV: ${error?.message ?? 'unknown error'}` });
      }
      return undefined;
    },
  });

  const headerRecord = records.shift();
  if (!headerRecord) throw badRequest('the IPIS file is empty: expected a header line and visit rows');
  const header = headerRecord.fields.map((name) => name.trim());
  checkHeader(header);
  const absent = OPTIONAL_COLUMNS.filter((c) => !header.includes(c));
  if (absent.length > 0) warnings.push({ at: 'header', message: `column(s) ${absent.join(', ')} absent: read as empty on every row` });

  const rows: IpisRow[] = [];
  const blankLines: number[] = [];
  for (const { fields, endLine } of records) {
    // A quoted field may span lines: the row starts where its first field does.
    const line = endLine - fields.reduce((n, f) => n + (f.match(/\n/g)?.length ?? 0), 0);
    if (fields.every((f) => f.trim() === '')) {
      blankLines.push(line);
      continue;
    }
    if (fields.length !== header.length) {
      rejected.push({ at: `line ${line}`, reason: `has ${fields.length} fields where the header has ${header.length} columns` });
      continue;
    }
    const record: Record<string, string> = {};
    header.forEach((name, i) => (record[name] = fields[i]!));
    rows.push({ line, record });
  }
  // Spreadsheet exports leave rows of bare commas behind; they carry nothing to reject.
  if (blankLines.length > 0) warnings.push({ at: linesLabel(blankLines), message: `${blankLines.length} row(s) without any value skipped` });
  return { header, rows, rejected, warnings };
}

function checkHeader(header: readonly string[]): void {
  const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    throw badRequest(`not an IPIS open-data CSV: missing required column(s) ${missing.join(', ')}`, { missingColumns: missing });
  }
  const seen = new Set<string>();
  const duplicated = header.filter((name) => (seen.has(name) ? true : (seen.add(name), false)));
  if (duplicated.length > 0) throw badRequest(`the IPIS header names column(s) ${[...new Set(duplicated)].join(', ')} more than once`);
}

/** UTF-8 as IPIS publishes it; a file re-saved by a spreadsheet may come as Windows-1252. */
function decode(input: string | Buffer, warnings: Warning[]): string {
  if (typeof input === 'string') return input.replace(/^\uFEFF/, '');
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(input);
  } catch {
    warnings.push({ at: 'file', message: 'not valid UTF-8: read as Windows-1252 (check accented names)' });
    return new TextDecoder('windows-1252').decode(input);
  }
}

/** One line ending throughout, so that csv-parse counts lines as an editor shows them. */
function normaliseNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** IPIS writes commas; a French-locale spreadsheet re-save writes semicolons. */
function guessDelimiter(text: string): string {
  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n'));
  return !firstLine.includes(',') && firstLine.includes(';') ? ';' : ',';
}

/** "line 4" or "lines 4, 9, 12 and 30 more": keeps a report readable on a large file. */
export function linesLabel(lines: readonly number[], shown = 10): string {
  if (lines.length === 1) return `line ${lines[0]}`;
  const head = lines.slice(0, shown).join(', ');
  return lines.length > shown ? `lines ${head} and ${lines.length - shown} more` : `lines ${head}`;
}
