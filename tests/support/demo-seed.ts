import { inject } from 'vitest';
import type { Database, Queryable } from '../../server/db/database.js';
import { loadDemoData } from '../../server/demo/load-demo.js';
import { dataTables } from './test-database.js';

/**
 * The demo data for a test that needs it there but does not test its loading (the pages, the
 * tiles, the exports…), on a new database before anything else writes to it. The run's setup
 * (global-setup.ts) loads the demo once through the importers, as `npm start` does, into a
 * database of its own and keeps its rows; every call copies those rows, row for row, into the
 * caller's. On PGlite a load costs 2.5–3 s of CPU once warm, and the suite needed some forty;
 * tests/demo/load-demo.test.ts still tests the loading itself.
 */
export interface DemoSnapshot {
  /** Rows per table in a new database (a server's template keeps the rows its migrations wrote). */
  newCounts: Record<string, number>;
  tables: Array<{ name: string; rows: string[] }>;
  sequences: Array<{ name: string; last: string }>;
}

export async function seedDemo(db: Database): Promise<void> {
  await restore(db, inject('demoSnapshot'));
}

async function rowCounts(db: Queryable): Promise<Map<string, number>> {
  const names = await dataTables(db);
  const [row] = await db.query<{ counts: Record<string, number> }>(
    `SELECT json_build_object(${names.map((name) => `'${name}', (SELECT count(*) FROM ${name})`).join(', ')}) AS counts`,
  );
  return new Map(Object.entries(row!.counts));
}

/**
 * Every row of every table after a load into `db`, a new database, as the row type's own text
 * (geometries as EWKB: nothing rounded). Called once per run, by the setup.
 */
export async function takeDemoSnapshot(db: Database): Promise<DemoSnapshot> {
  const newCounts = Object.fromEntries(await rowCounts(db));
  await loadDemoData(db);
  const tables = [];
  for (const name of await dataTables(db)) {
    const rows = await db.query<{ row: string }>(`SELECT t::text AS row FROM ${name} t`);
    if (rows.length) tables.push({ name, rows: rows.map((r) => r.row) });
  }
  const sequences = await db.query<{ name: string; last: string }>(
    `SELECT quote_ident(sequencename) AS name, last_value::text AS last FROM pg_sequences WHERE schemaname = 'public' AND last_value IS NOT NULL`,
  );
  return { newCounts, tables, sequences };
}

/**
 * Into a new database of the same migrations, refused on any other: a copy cannot merge with
 * rows written before it. Replica mode skips the triggers (the audit log's refusals, the data
 * version's counting, the foreign keys' checks): the rows are copied as they were written.
 */
async function restore(db: Database, { newCounts, tables, sequences }: DemoSnapshot): Promise<void> {
  for (const [name, count] of await rowCounts(db)) {
    if (count !== (newCounts[name] ?? 0)) {
      throw new Error(`seedDemo copies the demo into a new database, before anything else writes to it: ${name} already holds ${count} row(s)`);
    }
  }
  await db.transaction(async (tx) => {
    // Only what the migrations wrote (the data version's row): the counts above say the rest is empty.
    const written = Object.keys(newCounts).filter((name) => newCounts[name]! > 0);
    await tx.exec(`SET LOCAL session_replication_role = replica; ${written.length ? `TRUNCATE ${written.join(', ')}` : ''}`);
    for (const { name, rows } of tables) {
      // unnest of the row type's array parses each row once; `(r::t).*` parsed it once per column (on PGlite, 1.6 s for the site visits).
      await tx.query(`INSERT INTO ${name} OVERRIDING SYSTEM VALUE SELECT * FROM unnest($1::text[]::${name}[])`, [rows]);
    }
    for (const { name, last } of sequences) await tx.query('SELECT setval($1::regclass, $2::bigint)', [name, last]);
  });
}

declare module 'vitest' {
  export interface ProvidedContext {
    demoSnapshot: DemoSnapshot;
  }
}
