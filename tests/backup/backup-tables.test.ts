import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appTables, type AppTable } from '../../server/backup/backup-tables.js';
import { SEEDED_BY_MIGRATIONS } from '../../server/backup/restore-backup.js';
import type { Database } from '../../server/db/database.js';
import { migrate } from '../../server/db/migrate.js';
import { openTestDatabase } from '../support/test-database.js';
import { describeWithServer, newServerDatabase, type ScratchDatabase } from './backup-support.js';

/**
 * The tables a backup holds come from the catalog, so a new table is never left out silently.
 * This list is the other half: a migration that adds a table fails here until someone has
 * looked at what the table needs in a restore (does a migration seed it? see
 * SEEDED_BY_MIGRATIONS; do triggers refuse inserts? does it refer to itself?) and added it,
 * and round-trip.test.ts fails until its fixture writes a row to it.
 */
const APP_TABLES = [
  'accounts',
  'api_tokens',
  'audit_log',
  'case_follow_ups',
  'case_parties',
  'case_places',
  'case_step_records',
  'case_steps',
  'cases',
  'claims',
  'cooperatives',
  'data_version',
  'export_log',
  'incidents',
  'permits',
  'rate_limit_counts',
  'roadblocks',
  'routes',
  'security_presence',
  'sessions',
  'sharing_secret',
  'sign_in_failures',
  'site_visit_actors',
  'site_visits',
  'sites',
  'zones',
];

let db: Database;
let tables: AppTable[];
beforeAll(async () => {
  db = await openTestDatabase();
  tables = await appTables(db);
});
afterAll(() => db?.close());

describe('the tables a backup holds', () => {
  it('are every table of the public schema but postgrator’s and PostGIS’s, and the ones looked at', async () => {
    const inSchema = await db.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
    expect(inSchema.map((t) => t.name).filter((name) => name !== 'schemaversion' && name !== 'spatial_ref_sys')).toEqual(APP_TABLES);
    expect(tables.map((t) => t.name).sort()).toEqual(APP_TABLES);
  });

  it('come after the tables they refer to', async () => {
    const references = await db.query<{ child: string; parent: string }>(
      `SELECT c.relname AS child, p.relname AS parent FROM pg_constraint k
         JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
        WHERE k.contype = 'f' AND c.relnamespace = 'public'::regnamespace`,
    );
    expect(references.length).toBeGreaterThan(5);
    const position = new Map(tables.map((t, i) => [t.name, i]));
    for (const { child, parent } of references) {
      if (child !== parent) expect(position.get(parent)!, `${parent} before ${child}`).toBeLessThan(position.get(child)!);
    }
  });

  it('each have a primary key to write their rows in order, and say which columns are JSON and identities', () => {
    expect(tables.filter((t) => t.primaryKey.length === 0).map((t) => t.name)).toEqual([]);
    const incidents = tables.find((t) => t.name === 'incidents')!;
    expect(incidents.columns.filter((c) => c.json).map((c) => c.name)).toEqual(['sources']);
    expect(
      tables
        .find((t) => t.name === 'audit_log')!
        .columns.filter((c) => c.identity)
        .map((c) => c.name),
    ).toEqual(['id']);
  });
});

await describeWithServer('a newly migrated database', () => {
  // Migrated from nothing (not a test database, which other tests have written to and emptied):
  // on the server, where that takes a second; what migrations insert is the same on both kinds.
  let fresh: ScratchDatabase;
  beforeAll(async () => {
    fresh = await newServerDatabase();
    await migrate(fresh.db);
  });
  afterAll(() => fresh?.close());

  it('holds rows in the tables migrations seed, and in no other (a restore must replace those rows)', async () => {
    const withRows: string[] = [];
    for (const table of await appTables(fresh.db)) {
      const [row] = await fresh.db.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${table.ident}) AS any`);
      if (row!.any) withRows.push(table.name);
    }
    expect(withRows.sort()).toEqual([...SEEDED_BY_MIGRATIONS].sort());
  });
});
