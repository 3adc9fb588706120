import type { DatabaseKind } from '../db/database.js';

/**
 * A backup is gzip'd NDJSON, the same whichever database wrote it, so that a laptop's
 * embedded data moves to a server and back (pg_dump's formats do not load into PGlite):
 *   line 1      the header below;
 *   then        each table's rows in the header's order, `rows` lines per table, one JSON
 *               object per row: every column as its PostgreSQL text form (geometry: hex EWKB,
 *               exact), json/jsonb columns as JSON. A column missing from a row is SQL NULL,
 *               so that a jsonb `null` (which the audit log holds) stays apart from NULL.
 * Encrypted, the whole gzip stream is inside an age file.
 */
export const BACKUP_FORMAT = 'kivu-riskmap-backup';
export const BACKUP_FORMAT_VERSION = 1;

export interface BackupColumn {
  name: string;
  /** format_type(): for a reader's information; restore goes by the target's own types. */
  type: string;
}

export interface BackupTableEntry {
  name: string;
  rows: number;
  columns: BackupColumn[];
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_FORMAT_VERSION;
  /** The migration the schema was at: restore rebuilds that schema before loading the rows. */
  schema: number;
  database: DatabaseKind;
  created_at: string;
  tables: BackupTableEntry[];
}

/**
 * Text forms that read back the same on any server whatever its settings: ISO dates, times in
 * UTC with their offset, shortest exact floats, hex bytea. SET LOCAL: they end with the transaction.
 */
export const PORTABLE_TEXT_SETTINGS = `SET LOCAL DateStyle = 'ISO, YMD'; SET LOCAL TimeZone = 'UTC'; SET LOCAL IntervalStyle = 'postgres';
  SET LOCAL extra_float_digits = 1; SET LOCAL bytea_output = 'hex'`;

export class NotABackupError extends Error {}

/** The header line parsed and checked, or a NotABackupError saying what is wrong. */
export function parseHeader(line: string | undefined, file: string): BackupHeader {
  let header: Partial<BackupHeader>;
  try {
    header = JSON.parse(line ?? '') as Partial<BackupHeader>;
  } catch {
    throw new NotABackupError(`${file} is not a backup file of this app (its first line is not a backup header)`);
  }
  if (header?.format !== BACKUP_FORMAT) throw new NotABackupError(`${file} is not a backup file of this app (no '${BACKUP_FORMAT}' header)`);
  if (header.version !== BACKUP_FORMAT_VERSION) {
    throw new NotABackupError(`${file} is a backup in format version ${header.version}; this app reads version ${BACKUP_FORMAT_VERSION}`);
  }
  const tablesOk =
    Array.isArray(header.tables) &&
    header.tables.every(
      (t) =>
        typeof t?.name === 'string' &&
        Number.isInteger(t.rows) &&
        t.rows >= 0 &&
        Array.isArray(t.columns) &&
        t.columns.every((c) => typeof c?.name === 'string'),
    );
  if (!Number.isInteger(header.schema) || !tablesOk) throw new NotABackupError(`${file} has a damaged backup header`);
  return header as BackupHeader;
}
