import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Database, Queryable } from '../../server/db/database.js';
import { openPglite } from '../../server/db/pglite.js';
import { openPostgres } from '../../server/db/postgres.js';

export const PGLITE_TEMPLATE = new URL('../.artifacts/pglite-template.tgz', import.meta.url);

/** Tables whose rows come with the migrations or with PostGIS (the sharing secret, the spatial reference systems): emptying them would break the database. */
const KEPT_TABLES = ['schemaversion', 'spatial_ref_sys', 'sharing_secret'];

/** The tables a test writes to, quoted for SQL, in name order: all of schema public but the kept ones. */
export async function dataTables(db: Queryable): Promise<string[]> {
  const rows = await db.query<{ name: string }>(
    `SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> ALL ($1::text[]) ORDER BY tablename`,
    [KEPT_TABLES],
  );
  return rows.map((r) => r.name);
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

type Pglite = Awaited<ReturnType<typeof openPglite>>;

/**
 * Embedded databases handed back by test files, emptied, for the next file of this worker.
 * Starting a PGlite with PostGIS from the template costs about 5 s (WebAssembly, the
 * extension bundle); emptying one costs 20–250 ms (empty below). The database projects run with
 * `isolate: false`, so this list outlives a test file.
 */
const idle: Pglite[] = [];

/**
 * Back to the migrated template's state: every row gone, every identity restarted. Only the
 * tables that hold rows are truncated (a file touches a few; truncating all forty cost about
 * 0.2 s of WebAssembly per file), and every sequence of a data table is restarted, since an
 * insert rolled back moves one without leaving a row.
 */
async function empty(db: Pglite): Promise<void> {
  const tables = await dataTables(db);
  const filled = await db.query<{ name: string }>(
    tables.map((t, i) => `SELECT $${i + 1}::text AS name WHERE EXISTS (SELECT FROM ${t})`).join(' UNION ALL '),
    tables,
  );
  // The audit and export logs refuse TRUNCATE by trigger; replica mode skips ordinary triggers.
  // The data version's one row, as migration 007 wrote it: without it a reused database counted one change fewer than a new one.
  await db.exec(`SET session_replication_role = replica;
                 ${filled.length ? `TRUNCATE ${filled.map((r) => r.name).join(', ')} CASCADE;` : ''}
                 INSERT INTO data_version (version) VALUES (1);
                 SET session_replication_role = DEFAULT;
                 RESET ALL;`);
  // The sequences the data tables own (identity or serial), as RESTART IDENTITY would leave them.
  await db.query(
    `SELECT setval(d.objid::regclass, s.seqstart, false) FROM pg_depend d JOIN pg_sequence s ON s.seqrelid = d.objid
     WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i') AND d.refobjid = ANY ($1::regclass[])`,
    [tables],
  );
}

/**
 * A migrated, empty database of its own for one test file: on the PostgreSQL server
 * when DATABASE_URL is set, embedded PGlite otherwise. `close()` drops it (or, embedded,
 * empties it for the next file).
 */
export async function openTestDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const db = idle.pop() ?? (await openPglite({ loadDataDir: new Blob([readFileSync(PGLITE_TEMPLATE)]) }));
    let closed = false;
    return {
      ...db,
      async close() {
        if (closed) return;
        closed = true;
        await empty(db);
        idle.push(db);
      },
    };
  }

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
