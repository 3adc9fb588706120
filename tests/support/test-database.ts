import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Database } from '../../server/db/database.js';
import { openPglite } from '../../server/db/pglite.js';
import { openPostgres } from '../../server/db/postgres.js';

export const PGLITE_TEMPLATE = new URL('../.artifacts/pglite-template.tgz', import.meta.url);

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * A migrated, empty database of its own for one test file: on the PostgreSQL server
 * when DATABASE_URL is set, embedded PGlite otherwise. `close()` drops it.
 */
export async function openTestDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (!url) return openPglite({ loadDataDir: new Blob([readFileSync(PGLITE_TEMPLATE)]) });

  const name = `riskmap_test_${randomBytes(6).toString('hex')}`;
  const admin = openPostgres(url);
  await admin.exec(`CREATE DATABASE ${name} TEMPLATE ${inject('serverTemplate')}`);
  const db = openPostgres(withDatabase(url, name));
  return {
    ...db,
    async close() {
      await db.close();
      await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.close();
    },
  };
}
