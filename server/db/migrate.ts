import { fileURLToPath } from 'node:url';
import Postgrator from 'postgrator';
import type { Database } from './database.js';

const MIGRATIONS = fileURLToPath(new URL('../../migrations/*.do.*.sql', import.meta.url));
// Any constant will do; it only has to be the same for every process of this app.
const MIGRATION_LOCK = 7_420_219;

export interface MigrationResult {
  applied: string[];
  version: number;
}

/**
 * Brings the schema to the newest migration in `migrations/`.
 * All pending migrations run in one transaction, under an advisory lock, so a failed
 * migration leaves the database as it was and two processes starting at once do not race.
 */
export async function migrate(db: Database): Promise<MigrationResult> {
  return db.transaction(async (tx) => {
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
    const applied = await postgrator.migrate();
    const version = Number(await postgrator.getDatabaseVersion());
    return { applied: applied.map((m) => m.filename.split('/').pop() ?? m.filename), version };
  });
}

/** The version the schema is at, or 0 before the first migration. */
export async function schemaVersion(db: Database): Promise<number> {
  const [table] = await db.query<{ exists: boolean }>(`SELECT to_regclass('schemaversion') IS NOT NULL AS exists`);
  if (!table?.exists) return 0;
  const [row] = await db.query<{ version: number }>('SELECT coalesce(max(version), 0)::int AS version FROM schemaversion');
  return row?.version ?? 0;
}
