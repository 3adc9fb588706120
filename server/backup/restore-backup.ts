import { statSync } from 'node:fs';
import type { Database, Queryable } from '../db/database.js';
import { MIGRATION_LOCK, migrateWithin, newestMigration, schemaVersion } from '../db/migrate.js';
import { appTables, type AppTable } from './backup-tables.js';
import { PORTABLE_TEXT_SETTINGS, type BackupHeader } from './backup-format.js';
import type { DecryptWith } from './encryption.js';
import { openBackup, type BackupReader } from './read-backup.js';

/**
 * Tables that migrations fill (005 the sharing secret, 007 the data version): a new database
 * has a row in each, so they do not make it "not empty", and a restore replaces their rows
 * with the backup's. tests/backup checks that no other table holds a row after migrating.
 */
export const SEEDED_BY_MIGRATIONS = ['sharing_secret', 'data_version'] as const;

/**
 * Tile ETags carry the data version (server/tiles/tile-cache.ts). The backup's own number is
 * not restored as it was: the installation it came from may have gone on counting after the
 * backup, and a browser holding a tag from then (the same address, now served by the restored
 * database) would be told its tile of data the restore no longer has is still good. So the
 * restored version jumps past both the backup's and the target's by more than any day of
 * writes reaches (a tag also names its day, so only today's tags can collide).
 */
export const DATA_VERSION_JUMP = 1_000_000;

export interface RestoreOptions {
  /** Called when a table has been loaded, with its row count: the CLI's progress lines. Awaited. */
  onTable?: (table: string, rows: number) => void | Promise<void>;
}

export interface RestoreSummary {
  file: string;
  encrypted: boolean;
  /** Where the backup came from: its database kind and schema. */
  from: { database: string; schema: number; createdAt: string };
  /** The schema after the restore: the newest migration. */
  schema: number;
  /** Migrations applied after the rows were loaded, for a backup older than this app. */
  laterMigrations: string[];
  tables: number;
  rows: number;
  bytes: number;
  milliseconds: number;
}

export class RestoreRefusedError extends Error {}

/** The app tables of the target that hold rows a new database would not have. */
async function occupiedTables(tx: Queryable): Promise<string[]> {
  const tables = (await appTables(tx)).filter((t) => !(SEEDED_BY_MIGRATIONS as readonly string[]).includes(t.name));
  if (!tables.length) return [];
  const [row] = await tx.query<Record<string, boolean>>(`SELECT ${tables.map((t, i) => `EXISTS (SELECT 1 FROM ${t.ident}) AS t${i}`).join(', ')}`);
  return tables.filter((_, i) => row![`t${i}`]).map((t) => t.name);
}

/** The backup must hold exactly the tables and columns this app has at the backup's schema. */
function checkSameShape(header: BackupHeader, tables: AppTable[]): void {
  const problems: string[] = [];
  const described = (names: string[]) => names.join(', ') || 'none';
  if (header.tables.map((t) => t.name).join() !== tables.map((t) => t.name).join()) {
    problems.push(`tables ${described(header.tables.map((t) => t.name))} against ${described(tables.map((t) => t.name))}`);
  } else {
    for (const [i, table] of tables.entries()) {
      const inFile = header.tables[i]!.columns.map((c) => c.name).sort();
      const here = table.columns.map((c) => c.name).sort();
      if (inFile.join() !== here.join()) problems.push(`${table.name} has columns ${described(inFile)} against ${described(here)}`);
    }
  }
  if (problems.length) {
    throw new RestoreRefusedError(
      `the backup does not match migration ${header.schema} of this app (${problems.join('; ')}): it was edited, or made by a different version of the app`,
    );
  }
}

/** The data version (migration 007), or null where the schema has no such table yet. */
async function dataVersionOf(tx: Queryable): Promise<number | null> {
  const [table] = await tx.query<{ exists: boolean }>(`SELECT to_regclass('data_version') IS NOT NULL AS exists`);
  if (!table?.exists) return null;
  const [row] = await tx.query<{ version: number | null }>('SELECT max(version)::float8 AS version FROM data_version');
  return row?.version ?? null;
}

/** One INSERT per batch: the rows as a JSON array, every column read by the target's own types. */
function insertStatement(table: AppTable): { sql: string; jsonNames: string[] } {
  const jsonNames: string[] = [];
  const values = table.columns.map((c) => {
    if (!c.json) return `r.${c.ident}`;
    // Taken from the JSON as JSON: a missing key is NULL, a JSON null stays a JSON null.
    jsonNames.push(c.name);
    return `(e.value -> $${jsonNames.length + 1}::text)::${c.json}`;
  });
  // OVERRIDING SYSTEM VALUE: the ids of GENERATED ALWAYS columns are restored as they were,
  // since other rows, the audit log and partners' published ids refer to them.
  const sql = `INSERT INTO ${table.ident} (${table.columns.map((c) => c.ident).join(', ')}) OVERRIDING SYSTEM VALUE
    SELECT ${values.join(', ')}
      FROM json_array_elements($1::json) WITH ORDINALITY AS e(value, n)
     CROSS JOIN LATERAL json_populate_record(NULL::${table.ident}, e.value) AS r
     ORDER BY e.n`;
  return { sql, jsonNames };
}

/** Moves each identity's sequence past the highest restored id, so that the next insert does not collide. */
async function resetIdentities(tx: Queryable, table: AppTable): Promise<void> {
  for (const column of table.columns.filter((c) => c.identity)) {
    await tx.query(
      `SELECT setval(pg_get_serial_sequence($1, $2), m) FROM (SELECT max(${column.ident}) AS m FROM ${table.ident}) AS highest WHERE m IS NOT NULL`,
      [table.ident, column.name],
    );
  }
}

/**
 * Restores a backup into an empty database of either kind, in one transaction: the schema
 * at the backup's migration, the rows table by table in foreign-key order, the identities
 * moved on, then the later migrations. Anything wrong (a non-empty target, a damaged file,
 * a constraint) rolls it all back, so a failed restore leaves the target as it was.
 * `keys` is asked for only when the file is encrypted (and not when `source` is opened already).
 */
export async function restoreBackup(
  db: Database,
  source: string | BackupReader,
  keys: () => DecryptWith | Promise<DecryptWith> = () => ({}),
  options: RestoreOptions = {},
): Promise<RestoreSummary> {
  const started = performance.now();
  // An opened reader: the CLI reads the header (and asks for the passphrase) before it opens the database.
  const reader = typeof source === 'string' ? await openBackup(source, keys) : source;
  const file = reader.file;
  try {
    const { header } = reader;
    if (header.schema > newestMigration()) {
      throw new RestoreRefusedError(
        `the backup was taken at migration ${header.schema}, newer than this app (${newestMigration()}): update the app, then restore`,
      );
    }
    return await db.transaction(async (tx) => {
      await tx.exec(PORTABLE_TEXT_SETTINGS);
      // Held to the end: an app starting on this database meanwhile waits rather than migrating under us.
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const current = await schemaVersion(tx);
      if (current > header.schema) {
        throw new RestoreRefusedError(
          `the target database is at migration ${current}, past the backup's ${header.schema}: restore into a database that was never migrated (a new database, or an empty DATA_DIR); nothing was written`,
        );
      }
      const occupied = await occupiedTables(tx);
      if (occupied.length) {
        const named = occupied.length > 4 ? `${occupied.slice(0, 3).join(', ')} and ${occupied.length - 3} more tables` : occupied.join(', ');
        throw new RestoreRefusedError(`the target database is not empty (${named} hold rows): restore only into an empty database; nothing was written`);
      }
      const versionBefore = await dataVersionOf(tx);

      await migrateWithin(tx, header.schema);
      const tables = await appTables(tx);
      checkSameShape(header, tables);

      let rows = 0;
      let i = 0;
      for await (const { table: entry, batches } of reader.tables()) {
        const table = tables[i++]!;
        if ((SEEDED_BY_MIGRATIONS as readonly string[]).includes(table.name)) await tx.query(`DELETE FROM ${table.ident}`);
        const { sql, jsonNames } = insertStatement(table);
        let loaded = 0;
        for await (const batch of batches) {
          await tx.query(sql, [`[${batch.join(',')}]`, ...jsonNames]);
          loaded += batch.length;
        }
        if (loaded !== entry.rows) throw new Error(`${table.name}: ${loaded} rows loaded of ${entry.rows}`);
        await resetIdentities(tx, table);
        rows += loaded;
        await options.onTable?.(table.name, loaded);
      }
      const restoredVersion = await dataVersionOf(tx);

      const later = await migrateWithin(tx);
      if ((await dataVersionOf(tx)) !== null) {
        const floor = Math.max(versionBefore ?? 0, restoredVersion ?? 0);
        await tx.query(
          `INSERT INTO data_version (singleton, version) VALUES (true, $1::int8)
           ON CONFLICT (singleton) DO UPDATE SET version = greatest(data_version.version, excluded.version), changed_at = now()`,
          [floor + DATA_VERSION_JUMP],
        );
      }
      return {
        file,
        encrypted: reader.encrypted,
        from: { database: header.database, schema: header.schema, createdAt: header.created_at },
        schema: later.version,
        laterMigrations: later.applied,
        tables: tables.length,
        rows,
        bytes: statSync(file).size,
        milliseconds: Math.round(performance.now() - started),
      };
    });
  } finally {
    reader.close();
  }
}
