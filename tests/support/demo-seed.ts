import type { Database, Queryable } from '../../server/db/database.js';
import { loadDemoData } from '../../server/demo/load-demo.js';
import { KEPT_TABLES } from './test-database.js';

/**
 * The demo data for a test that needs it there but does not test its loading (the pages, the
 * tiles, the exports…). The first call in a test worker loads it through the importers, as
 * `npm start` does; later calls copy that database's rows, row for row, into the new one. On
 * PGlite a load costs 2.5–3 s of CPU once warm, and the suite loaded it some forty times;
 * tests/demo/load-demo.test.ts still tests the loading itself.
 */
interface Snapshot {
  /** Every table a test database may hold rows in: emptied first, as a server's template keeps the rows its migrations wrote. */
  emptied: string[];
  tables: Array<{ name: string; rows: string[] }>;
  sequences: Array<{ name: string; last: string }>;
}

let snapshot: Promise<Snapshot> | undefined;

export async function seedDemo(db: Database): Promise<void> {
  if (snapshot) return restore(db, await snapshot);
  const taking = (async () => {
    await loadDemoData(db);
    return takeSnapshot(db);
  })();
  snapshot = taking;
  // A failed first load must not leave later files a broken snapshot to copy.
  await taking.catch((error: unknown) => {
    snapshot = undefined;
    throw error;
  });
}

/** Every row of every table a test database starts empty, as the row type's own text (geometries as EWKB: nothing rounded). */
async function takeSnapshot(db: Queryable): Promise<Snapshot> {
  const names = await db.query<{ name: string }>(
    `SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> ALL ($1::text[]) ORDER BY tablename`,
    [KEPT_TABLES],
  );
  const tables = [];
  for (const { name } of names) {
    const rows = await db.query<{ row: string }>(`SELECT t::text AS row FROM ${name} t`);
    if (rows.length) tables.push({ name, rows: rows.map((r) => r.row) });
  }
  const sequences = await db.query<{ name: string; last: string }>(
    `SELECT quote_ident(sequencename) AS name, last_value::text AS last FROM pg_sequences WHERE schemaname = 'public' AND last_value IS NOT NULL`,
  );
  return { emptied: names.map((n) => n.name), tables, sequences };
}

/**
 * Into a new database of the same migrations. Replica mode skips the triggers (the audit log's
 * refusals, the data version's counting, the foreign keys' checks): the rows are copied as they
 * were written, not written again.
 */
async function restore(db: Database, { emptied, tables, sequences }: Snapshot): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.exec(`SET LOCAL session_replication_role = replica; TRUNCATE ${emptied.join(', ')}`);
    for (const { name, rows } of tables) {
      await tx.query(`INSERT INTO ${name} OVERRIDING SYSTEM VALUE SELECT (r::${name}).* FROM unnest($1::text[]) AS r`, [rows]);
    }
    for (const { name, last } of sequences) await tx.query('SELECT setval($1::regclass, $2::bigint)', [name, last]);
  });
}
