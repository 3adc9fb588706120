import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Postgrator from 'postgrator';
import { PROJECT_ROOT } from '../paths.js';
import type { Database, Queryable } from './database.js';

const MIGRATIONS_DIR = join(PROJECT_ROOT, 'migrations');
const MIGRATIONS = join(MIGRATIONS_DIR, '*.do.*.sql');
// Any constant will do; it only has to be the same for every process of this app.
export const MIGRATION_LOCK = 7_420_219;

export interface MigrationResult {
  applied: string[];
  version: number;
}

/**
 * Brings the schema to the newest migration in `migrations/`, or to `targetVersion` when given
 * (a restore first rebuilds the schema its backup was taken at, then goes on to the newest).
 * All pending migrations run in one transaction, under an advisory lock, so a failed
 * migration leaves the database as it was and two processes starting at once do not race.
 */
export async function migrate(db: Database, targetVersion?: number): Promise<MigrationResult> {
  return db.transaction((tx) => migrateWithin(tx, targetVersion));
}

/**
 * `migrate` inside a transaction the caller holds, so that migrations and other writes
 * (a restore's rows) commit or roll back together. Only ever forward: a target below the
 * schema's version is refused rather than undone (there are no undo migrations).
 */
export async function migrateWithin(tx: Queryable, targetVersion?: number): Promise<MigrationResult> {
  if (targetVersion !== undefined && !(Number.isInteger(targetVersion) && targetVersion >= 0 && targetVersion <= newestMigration())) {
    throw new Error(`no migration ${targetVersion}: the migrations go from 1 to ${newestMigration()}`);
  }
  await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
  const [{ name }] = (await tx.query<{ name: string }>('SELECT current_database() AS name')) as [{ name: string }];
  const postgrator = new Postgrator({
    migrationPattern: MIGRATIONS,
    driver: 'pg',
    database: name,
    schemaTable: 'schemaversion',
    execQuery: async (sql: string) => ({ rows: await tx.query(sql) }),
    execSqlScript: (sql: string) => tx.exec(sql),
  });
  const before = Number(await postgrator.getDatabaseVersion());
  if (targetVersion !== undefined && targetVersion < before) {
    throw new Error(`the schema is at migration ${before}, past ${targetVersion}: migrations only go forward`);
  }
  const applied = await postgrator.migrate(targetVersion === undefined ? 'max' : String(targetVersion));
  const version = Number(await postgrator.getDatabaseVersion());
  return { applied: applied.map((m) => m.filename.split('/').pop() ?? m.filename), version };
}

/** The highest migration number in `migrations/`: what `migrate` brings a database to. */
export function newestMigration(): number {
  return Math.max(0, ...readdirSync(MIGRATIONS_DIR).map((f) => Number(/^(\d+)\.do\./.exec(f)?.[1] ?? 0)));
}

/** The version the schema is at, or 0 before the first migration. */
export async function schemaVersion(db: Queryable): Promise<number> {
  const [table] = await db.query<{ exists: boolean }>(`SELECT to_regclass('schemaversion') IS NOT NULL AS exists`);
  if (!table?.exists) return 0;
  const [row] = await db.query<{ version: number }>('SELECT coalesce(max(version), 0)::int AS version FROM schemaversion');
  return row?.version ?? 0;
}
