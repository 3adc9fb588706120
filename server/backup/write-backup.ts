import { closeSync, createWriteStream, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Readable, type Duplex } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import type { Database, Queryable } from '../db/database.js';
import { schemaVersion } from '../db/migrate.js';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, PORTABLE_TEXT_SETTINGS, type BackupHeader } from './backup-format.js';
import { appTables, type AppTable } from './backup-tables.js';
import { encryptingStage, type EncryptTo } from './encryption.js';

export interface BackupOptions {
  /** Encrypt the file (age), with a passphrase or to recipients. Unencrypted when absent. */
  encrypt?: EncryptTo;
  /** Replace an existing file. Without it an existing file is never touched. */
  force?: boolean;
  /** Called when a table has been written, with its row count: the CLI's progress lines. Awaited. */
  onTable?: (table: string, rows: number) => void | Promise<void>;
}

export interface BackupSummary {
  file: string;
  schema: number;
  tables: number;
  rows: number;
  bytes: number;
  encrypted: boolean;
  milliseconds: number;
}

export class BackupFileExistsError extends Error {}

/** Rows fetched per round trip: a page of a cursor, so a large table never sits in memory whole. */
const FETCH_ROWS = 1_000;

/** One row as a line: text columns as JSON strings, json columns as they are, NULLs left out. */
function rowLine(table: AppTable, row: Record<string, string | null>): string {
  const fields: string[] = [];
  for (const column of table.columns) {
    const value = row[column.name];
    if (value === null || value === undefined) continue;
    // jsonb's text never holds a raw line break; json keeps the writer's whitespace, where a
    // line break means no more than a space and would split the NDJSON line.
    fields.push(`${JSON.stringify(column.name)}:${column.json ? value.replace(/[\r\n]/g, ' ') : JSON.stringify(value)}`);
  }
  return `{${fields.join(',')}}\n`;
}

async function* backupLines(tx: Queryable, tables: AppTable[], header: BackupHeader, onTable: BackupOptions['onTable']): AsyncGenerator<string> {
  yield `${JSON.stringify(header)}\n`;
  for (const [i, table] of tables.entries()) {
    // Every column as text, json too (read as text, its numbers keep their every digit).
    const select = table.columns.map((c) => `${c.ident}::text AS ${c.ident}`).join(', ');
    const order = table.primaryKey.length ? ` ORDER BY ${table.primaryKey.join(', ')}` : '';
    await tx.exec(`DECLARE backup_rows NO SCROLL CURSOR FOR SELECT ${select} FROM ${table.ident}${order}`);
    let written = 0;
    for (;;) {
      const rows = await tx.query<Record<string, string | null>>(`FETCH FORWARD ${FETCH_ROWS} FROM backup_rows`);
      if (rows.length) yield rows.map((row) => rowLine(table, row)).join('');
      written += rows.length;
      if (rows.length < FETCH_ROWS) break;
    }
    await tx.exec('CLOSE backup_rows');
    // The header's counts were taken in the same snapshot; a difference is a bug, not a race.
    if (written !== header.tables[i]!.rows) throw new Error(`${table.name}: counted ${header.tables[i]!.rows} rows but read ${written}`);
    await onTable?.(table.name, written);
  }
}

/**
 * Writes a backup of every app table to `file`, from one snapshot: a REPEATABLE READ, READ
 * ONLY transaction, so the app can go on writing meanwhile and the backup still holds every
 * table as of one instant (no incident without its site). The file is written beside its
 * name and renamed into place when complete and synced, readable by its owner only: a
 * failed or interrupted backup never leaves a file that looks like a backup.
 */
export async function writeBackup(db: Database, file: string, options: BackupOptions = {}): Promise<BackupSummary> {
  const started = performance.now();
  if (existsSync(file) && !options.force) throw new BackupFileExistsError(`${file} exists already: give another name, or --force to replace it`);
  const encryption = options.encrypt ? await encryptingStage(options.encrypt) : undefined;
  const partial = join(dirname(file), `.${basename(file)}.${process.pid}.partial`);
  try {
    const { header } = await db.transaction(async (tx) => {
      await tx.exec(`SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY; ${PORTABLE_TEXT_SETTINGS}`);
      // now() is the transaction's start: the moment the snapshot shows.
      const [{ at }] = (await tx.query<{ at: string }>(`SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at`)) as [{ at: string }];
      const schema = await schemaVersion(tx);
      if (schema === 0) throw new Error('the database has no schema yet (never migrated): there is nothing to back up');
      const tables = await appTables(tx);
      const counts = tables.length
        ? await tx.query<Record<string, number>>(`SELECT ${tables.map((t, i) => `(SELECT count(*) FROM ${t.ident})::int8 AS t${i}`).join(', ')}`)
        : [{}];
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        version: BACKUP_FORMAT_VERSION,
        schema,
        database: db.kind,
        created_at: at,
        tables: tables.map((t, i) => ({ name: t.name, rows: Number(counts[0]![`t${i}`]), columns: t.columns.map((c) => ({ name: c.name, type: c.type })) })),
      };
      const stages: Array<NodeJS.ReadableStream | NodeJS.WritableStream | Duplex> = [
        Readable.from(backupLines(tx, tables, header, options.onTable)),
        createGzip(),
      ];
      if (encryption) stages.push(encryption);
      stages.push(createWriteStream(partial, { mode: 0o600, flags: 'w' }));
      await pipeline(stages);
      return { header };
    });
    const fd = openSync(partial, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(partial, file);
    return {
      file,
      schema: header.schema,
      tables: header.tables.length,
      rows: header.tables.reduce((sum, t) => sum + t.rows, 0),
      bytes: statSync(file).size,
      encrypted: !!encryption,
      milliseconds: Math.round(performance.now() - started),
    };
  } catch (error) {
    encryption?.destroy();
    rmSync(partial, { force: true });
    throw error;
  }
}
