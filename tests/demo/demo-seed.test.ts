import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { loadDemoData } from '../../server/demo/load-demo.js';
import { seedDemo } from '../support/demo-seed.js';
import { dataTables, openTestDatabase } from '../support/test-database.js';

/** When a row was written: two loads of the same files differ in that alone. */
const WRITTEN_AT = /\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(\.\d+)?(\+00(:00)?|Z)/g;

/** Every row of every table, and every sequence, as text, times of writing aside: two databases that agree here answer alike. */
async function contents(db: Database): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const name of await dataTables(db))
    out[name] = (await db.query<{ row: string }>(`SELECT t::text AS row FROM ${name} t ORDER BY 1`)).map((r) => r.row.replace(WRITTEN_AT, '(written at)'));
  const sequences = await db.query<{ name: string; last: string | null }>(
    `SELECT sequencename AS name, last_value::text AS last FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1`,
  );
  out['(sequences)'] = sequences.map((s) => `${s.name}=${s.last}`);
  return out;
}

describe('the demo data copied for a test (tests/support/demo-seed.ts)', () => {
  let loaded: Database;
  let copied: Database;

  beforeAll(async () => {
    loaded = await openTestDatabase();
    await loadDemoData(loaded);
    copied = await openTestDatabase();
    await seedDemo(copied);
  });
  afterAll(async () => {
    await copied?.close();
    await loaded?.close();
  });

  it('holds the rows and sequences of the demo loaded through the importers, but for the times they were written', async () => {
    const [want, got] = [await contents(loaded), await contents(copied)];
    expect(Object.keys(got)).toEqual(Object.keys(want));
    for (const table of Object.keys(want)) expect(got[table], table).toEqual(want[table]);
    expect(want['incidents']!.length, 'the demo has incidents').toBeGreaterThan(0);
    expect(want['audit_log']?.length ?? 0, 'and an audit trail of its import').toBeGreaterThan(0);
  });

  it('goes on from there as a loaded one does: the next record gets the next id', async () => {
    const next = async (db: Database) => (await db.query<{ id: string }>(`SELECT nextval(pg_get_serial_sequence('incidents', 'id'))::text AS id`))[0]!.id;
    expect(await next(copied)).toBe(await next(loaded));
  });

  it('refuses a database that something was written to first, rather than merge with it', async () => {
    await expect(seedDemo(copied)).rejects.toThrow(/into a new database, before anything else writes to it: \w+ already holds \d+ row/);
  });
});
