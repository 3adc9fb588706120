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

const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;

async function timeMs(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/** Medians of `runs` alternating runs of the bare SQL and of the API call; one slow run does not decide. */
export async function interleavedMedians(runs: number, sql: () => Promise<unknown>, api: () => Promise<unknown>): Promise<{ sql: number; api: number }> {
  const times = { sql: [] as number[], api: [] as number[] };
  for (let i = 0; i < runs; i += 1) {
    times.sql.push(await timeMs(sql));
    times.api.push(await timeMs(api));
  }
  return { sql: median(times.sql), api: median(times.api) };
}
