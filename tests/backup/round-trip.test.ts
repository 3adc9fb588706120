import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { recordChange } from '../../server/audit/audit-log.js';
import { createAccount } from '../../server/auth/accounts.js';
import { issueToken } from '../../server/auth/api-tokens.js';
import { openSession } from '../../server/auth/sessions.js';
import { SignInBackoff } from '../../server/auth/sign-in-backoff.js';
import { AGE_MAGIC } from '../../server/backup/encryption.js';
import { DATA_VERSION_JUMP, restoreBackup, type RestoreSummary } from '../../server/backup/restore-backup.js';
import { writeBackup, type BackupSummary } from '../../server/backup/write-backup.js';
import { newestMigration, schemaVersion } from '../../server/db/migrate.js';
import { loadDemoData } from '../../server/demo/load-demo.js';
import { openTestApp, type TestApp } from '../support/test-app.js';
import { testLogger } from '../support/test-logger.js';
import { TEST_SCRYPT_WORK, describeWithServer, newDatabaseOfOtherKind, scratchFolder, tableContents, type ScratchDatabase } from './backup-support.js';

/**
 * Issue 18, the key test of backup and restore: the demo data and writes through the app on
 * this run's database, an encrypted backup, a restore into a new database of the OTHER kind
 * (embedded → server, server → embedded), and the restored database is the same one: every
 * table row for row, and the app on it answers the same.
 */
const PASSPHRASE = 'kalehe mine zones under a long passphrase';
let scratch: ReturnType<typeof scratchFolder>;
let file: string;

let source: TestApp;
let target: ScratchDatabase;
let restoredApp: FastifyInstance;
let written: BackupSummary;
let restored: RestoreSummary;
let before: Map<string, string[]>;
let after: Map<string, string[]>;
let incidentId: number;
const progress: string[] = [];

await describeWithServer(`a backup of ${process.env.DATABASE_URL ? 'the server' : 'the embedded database'}, restored into the other kind`, () => {
  beforeAll(async () => {
    scratch = scratchFolder();
    file = join(scratch.dir, 'riskmap.backup');
    [source, target] = await Promise.all([openTestApp(), newDatabaseOfOtherKind()]);
    const { db, app } = source;
    await loadDemoData(db);

    // Writes through the app: they leave the audit log behind them (a create, an update, a delete).
    const created = await app.inject({
      method: 'POST',
      url: '/api/incidents',
      payload: {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [28.6412345, -2.2087654] },
        properties: {
          occurred_on: '2024-11-02',
          category: 'extortion',
          perpetrator_type: 'pmh',
          victims: 3,
          sources: [{ type: 'civil_society', reference: 'entretien n° 12 — « Nyabibwe »' }],
          description: 'Ligne une\nligne deux, "guillemets", tab\tet emoji ⛏️',
          source: 'test',
          source_id: 'backup-round-trip',
        },
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    incidentId = created.json().id;
    const patched = await app.inject({ method: 'PATCH', url: `/api/incidents/${incidentId}`, payload: { type: 'Feature', properties: { follow_up: 'open' } } });
    expect(patched.statusCode, patched.body).toBe(200);
    const doomed = (await db.query<{ id: number }>(`SELECT id FROM roadblocks ORDER BY id LIMIT 1`))[0]!.id;
    expect((await app.inject({ method: 'DELETE', url: `/api/roadblocks/${doomed}` })).statusCode).toBe(204);
    // Case files (cases, places, parties, steps, their records, follow-ups) come with the demo's
    // Bitale case; one change through the app as well: its open follow-up marked done.
    const [open] = await db.query<{ case_id: number; id: number }>(
      `SELECT s.case_id::float8 AS case_id, f.id::float8 AS id FROM case_follow_ups f JOIN case_steps s ON s.id = f.step_id WHERE f.done_on IS NULL ORDER BY f.id LIMIT 1`,
    );
    const done = await app.inject({ method: 'PATCH', url: `/api/cases/${open!.case_id}/follow-ups/${open!.id}`, payload: { done_on: '2020-12-10' } });
    expect(done.statusCode, done.body).toBe(200);
    // A partner's export goes into the export log.
    expect((await app.inject({ method: 'GET', url: '/api/export?layers=incidents&profile=partner' })).statusCode).toBe(200);

    // Accounts and what hangs off them, as the accounts command makes them.
    const admin = await createAccount(db, { username: 'amani', role: 'admin', display_name: 'Amani B.', password: 'a long enough password' });
    const bot = await createAccount(db, { username: 'export-bot', role: 'partner' });
    await recordChange(db, { actor: 'cli:test', action: 'create', layer: 'accounts', recordId: admin.id, before: null, after: admin });
    await openSession(db, admin.id);
    await issueToken(db, bot.id, 'nightly partner export', 30);
    await new SignInBackoff(db).failed('Somebody');
    // Written by the rate limiter under load only; one row so that the round trip covers the table.
    await db.query(`INSERT INTO rate_limit_counts (key, window_start, hits) VALUES ($1, now(), 7)`, ['test-caller']);
    // A jsonb number with more digits than a JavaScript number holds, which the file must keep.
    await db.query(
      `INSERT INTO export_log (requested_by, profile, format, layers, filters, feature_count) VALUES ('test', 'public', 'csv', '{incidents}', $1::jsonb, 0)`,
      ['{"near_km": 1.00000000000000000001, "nothing": null}'],
    );

    before = await tableContents(db);
    written = await writeBackup(db, file, { encrypt: { passphrase: PASSPHRASE, scryptWorkFactor: TEST_SCRYPT_WORK } });
    restored = await restoreBackup(target.db, file, () => ({ passphrase: PASSPHRASE }), {
      onTable: (table, rows) => {
        progress.push(`${table} ${rows}`);
      },
    });
    after = await tableContents(target.db);
    restoredApp = await buildApp({ db: target.db, webRoot: '/nonexistent', auth: { demo: true }, logger: testLogger() });
  }, 180_000);

  afterAll(async () => {
    await restoredApp?.close();
    await Promise.all([source?.close(), target?.close()]);
    scratch?.remove();
  });

  it('covers every table of the app, each holding rows here (a new table needs a row in this fixture)', () => {
    const empty = [...before].filter(([, rows]) => rows.length === 0).map(([name]) => name);
    expect(empty, 'tables without a row in the round trip: write one above, through the app where it writes them').toEqual([]);
    expect(written.tables).toBe(before.size);
    expect([...after.keys()]).toEqual([...before.keys()]);
  });

  it('is an age file that does not show its contents', () => {
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, AGE_MAGIC.length).toString('latin1')).toBe(AGE_MAGIC);
    expect(written.encrypted).toBe(true);
    expect(() => gunzipSync(bytes)).toThrow();
    expect(bytes.includes(Buffer.from('Nyabibwe'))).toBe(false);
  });

  it('has the same rows in every table, as text (geometry as EWKB, jsonb null apart from NULL)', () => {
    for (const [table, rows] of before) {
      if (table === 'data_version') continue;
      expect(after.get(table), table).toEqual(rows);
    }
    expect(restored.rows).toBe(written.rows);
    expect(restored.rows).toBe([...before.values()].reduce((n, rows) => n + rows.length, 0));
    expect(progress).toHaveLength(before.size);
  });

  it('has the same row count in every table', async () => {
    for (const table of before.keys()) {
      const count = async (db: typeof target.db) => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;
      expect(await count(target.db), table).toBe(await count(source.db));
    }
  });

  it('has the same audit log, in order, and the same accounts', async () => {
    const audit = `SELECT id, changed_at::text, actor, action, layer, record_id, before::text, after::text, before IS NULL AS null_before FROM audit_log ORDER BY id`;
    const inUtc = (db: typeof target.db, sql: string) =>
      db.transaction(async (tx) => {
        await tx.exec(`SET LOCAL TimeZone = 'UTC'`);
        return tx.query(sql);
      });
    const sourceAudit = await inUtc(source.db, audit);
    expect(sourceAudit.some((row) => row.action === 'delete')).toBe(true);
    expect(sourceAudit.some((row) => row.before === 'null' && row.null_before === false)).toBe(true);
    expect(await inUtc(target.db, audit)).toEqual(sourceAudit);
    const accounts = `SELECT id, username, display_name, role, password_hash, created_at::text, disabled_at::text FROM accounts ORDER BY id`;
    expect(await inUtc(target.db, accounts)).toEqual(await inUtc(source.db, accounts));
  });

  it('has the same geometries, to the bit', async () => {
    const [original] = await source.db.query<{ ewkb: string }>(`SELECT geom::text AS ewkb FROM incidents WHERE id = $1`, [incidentId]);
    const [copy] = await target.db.query<{ ewkb: string; same: boolean }>(
      `SELECT geom::text AS ewkb, ST_Equals(geom, $2::geometry) AS same FROM incidents WHERE id = $1`,
      [incidentId, original!.ewkb],
    );
    expect(copy).toEqual({ ewkb: original!.ewkb, same: true });
  });

  it('is at the newest migration, with a data version past the source’s', async () => {
    expect(restored.schema).toBe(newestMigration());
    expect(await schemaVersion(target.db)).toBe(newestMigration());
    const version = async (db: typeof target.db) => (await db.query<{ v: number }>(`SELECT version::float8 AS v FROM data_version`))[0]!.v;
    expect(await version(target.db)).toBeGreaterThanOrEqual((await version(source.db)) + DATA_VERSION_JUMP);
  });

  it('answers the same on the restored database: the incidents layer, internal and as a partner sees it', async () => {
    for (const url of ['/api/incidents?limit=10000', '/api/incidents?limit=10000&profile=partner', `/api/incidents/${incidentId}`]) {
      const [original, copy] = await Promise.all([source.app.inject({ method: 'GET', url }), restoredApp.inject({ method: 'GET', url })]);
      expect(copy.statusCode, url).toBe(200);
      expect(copy.json(), url).toEqual(original.json());
    }
  });

  it('goes on numbering after the restored ids, GENERATED ALWAYS ones too', async () => {
    const created = await restoredApp.inject({
      method: 'POST',
      url: '/api/incidents',
      payload: { type: 'Feature', geometry: { type: 'Point', coordinates: [28.7, -2.1] }, properties: { occurred_on: '2024-12-01', category: 'other' } },
    });
    expect(created.statusCode, created.body).toBe(201);
    const [highest] = await source.db.query<{ incident: number; audit: number }>(
      `SELECT (SELECT max(id) FROM incidents)::int AS incident, (SELECT max(id) FROM audit_log)::int AS audit`,
    );
    expect(created.json().id).toBeGreaterThan(highest!.incident);
    const [audit] = await target.db.query<{ id: number }>(`SELECT max(id)::int AS id FROM audit_log`);
    expect(audit!.id).toBeGreaterThan(highest!.audit);
    const account = await createAccount(target.db, { username: 'after-restore', role: 'viewer' });
    expect(account.id).toBeGreaterThan(2);
  });
});
