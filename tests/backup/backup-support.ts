import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import { openPglite } from '../../server/db/pglite.js';
import { openPostgres } from '../../server/db/postgres.js';
import { withDatabase } from '../support/test-database.js';

/**
 * Where the embedded runs restore to the other kind: the server the server runs use, else the
 * local one the README's development setup has (trust auth, user root).
 */
export const SERVER_URL = process.env.DATABASE_URL || process.env.BACKUP_TEST_SERVER_URL || 'postgres://root@127.0.0.1:5432/test';

const SERVER_HINT = `start PostgreSQL with PostGIS at ${new URL(SERVER_URL).host} (README, "On a real PostgreSQL + PostGIS") or name one in BACKUP_TEST_SERVER_URL`;

async function serverAnswers(): Promise<boolean> {
  const db = openPostgres(SERVER_URL);
  try {
    await db.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await db.close().catch(() => {});
  }
}

/**
 * A describe block that needs a PostgreSQL server besides this run's database (an embedded
 * run restores into one). Without a server the tests are skipped with a warning, except in CI,
 * where a missing server must not pass as a quiet skip.
 */
export async function describeWithServer(name: string, body: () => void): Promise<void> {
  if (process.env.DATABASE_URL || (await serverAnswers())) {
    describe(name, body);
  } else if (process.env.CI) {
    it(`has a PostgreSQL server for ${name}`, () => {
      throw new Error(`no PostgreSQL server answers at ${new URL(SERVER_URL).host}: ${SERVER_HINT}`);
    });
  } else {
    console.warn(`Skipping ${name}: no PostgreSQL server answers; ${SERVER_HINT}.`);
    it.skip(`${name} (skipped: no PostgreSQL server; ${SERVER_HINT})`, () => {});
  }
}

/** Scrypt at age's default work (2^18) takes seconds; the tests' files are thrown away. */
export const TEST_SCRYPT_WORK = 10;

export interface ScratchDatabase {
  db: Database;
  close(): Promise<void>;
}

/** A new, empty (never migrated) database on the server, dropped on close. */
export async function newServerDatabase(): Promise<ScratchDatabase> {
  const name = `riskmap_restore_${randomBytes(6).toString('hex')}`;
  const admin = openPostgres(SERVER_URL);
  await admin.exec(`CREATE DATABASE ${name}`);
  const db = openPostgres(withDatabase(SERVER_URL, name));
  return {
    db,
    async close() {
      await db.close();
      // pg's end() resolves before the server has let the connection go; FORCE would then cut it
      // under the closed pool, which reports a "connection lost" for nothing.
      for (let i = 0; i < 50; i++) {
        const [row] = await admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1`, [name]);
        if (!row!.n) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.close();
    },
  };
}

/**
 * A new, empty database of the kind this run does not test on: the server for an embedded
 * run, an in-memory PGlite (no data folder; about 10 s to start and migrate) for a server run.
 */
export async function newDatabaseOfOtherKind(): Promise<ScratchDatabase> {
  if (!process.env.DATABASE_URL) return newServerDatabase();
  const db = await openPglite();
  return { db, close: () => db.close() };
}

/**
 * Every row of every table in the public schema but PostGIS's and postgrator's, as the row's
 * text (geometry as hex EWKB, jsonb `null` apart from NULL), sorted: listed by the test's own
 * query, not by the code under test, and in the same text settings on both kinds.
 */
export async function tableContents(db: Database): Promise<Map<string, string[]>> {
  return db.transaction(async (tx) => {
    await tx.exec(`SET LOCAL TimeZone = 'UTC'; SET LOCAL DateStyle = 'ISO, YMD'; SET LOCAL extra_float_digits = 1`);
    const tables = await tx.query<{ name: string; ident: string }>(
      `SELECT tablename AS name, quote_ident(tablename) AS ident FROM pg_tables
        WHERE schemaname = 'public' AND tablename NOT IN ('schemaversion', 'spatial_ref_sys') ORDER BY tablename`,
    );
    const contents = new Map<string, string[]>();
    for (const table of tables) {
      const rows = await tx.query<{ row: string }>(`SELECT t::text AS row FROM public.${table.ident} AS t`);
      contents.set(table.name, rows.map((r) => r.row).sort());
    }
    return contents;
  });
}

export function scratchFolder(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'riskmap-backup-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
