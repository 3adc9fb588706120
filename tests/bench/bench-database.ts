import type { Database } from '../../server/db/database.js';
import { migrate } from '../../server/db/migrate.js';
import { openPglite } from '../../server/db/pglite.js';
import { openPostgres } from '../../server/db/postgres.js';

const BENCH_DB = 'riskmap_bench';

/**
 * A database of the benchmark's own, so that it never touches real data: a throw-away
 * database on the server when DATABASE_URL is set, an in-memory PGlite otherwise.
 */
export async function openBenchDatabase(): Promise<{ db: Database; label: string; close(): Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const db = await openPglite({});
    await migrate(db);
    return { db, label: 'embedded PGlite (in memory)', close: () => db.close() };
  }
  const admin = openPostgres(url);
  await admin.exec(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
  await admin.exec(`CREATE DATABASE ${BENCH_DB}`);
  const target = new URL(url);
  target.pathname = `/${BENCH_DB}`;
  const db = openPostgres(target.toString());
  await migrate(db);
  return {
    db,
    label: `PostgreSQL server (database ${BENCH_DB})`,
    async close() {
      await db.close();
      await admin.exec(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
      await admin.close();
    },
  };
}
