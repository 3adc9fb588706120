import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotABackupError } from '../../server/backup/backup-format.js';
import { DecryptionError } from '../../server/backup/encryption.js';
import { RestoreRefusedError, restoreBackup } from '../../server/backup/restore-backup.js';
import { writeBackup } from '../../server/backup/write-backup.js';
import type { Database } from '../../server/db/database.js';
import { newestMigration, schemaVersion } from '../../server/db/migrate.js';
import { openTestApp, type TestApp } from '../support/test-app.js';
import { openTestDatabase } from '../support/test-database.js';
import { TEST_SCRYPT_WORK, scratchFolder, tableContents } from './backup-support.js';

/**
 * What a restore refuses, and that a refused or failed restore writes nothing: the target's
 * every row (and its schema) is the same afterwards. On this run's kind of database; the
 * target is a migrated, empty database, as the app leaves one on its first start with LOAD_DEMO=0.
 */
const PASSPHRASE = 'the right passphrase, long enough';
const scratch = scratchFolder();
const plain = join(scratch.dir, 'plain.backup');
const encrypted = join(scratch.dir, 'encrypted.backup');
const variant = (name: string, content: string | Buffer) => {
  const path = join(scratch.dir, name);
  writeFileSync(path, content);
  return path;
};

/** The backup's lines, edited, gzipped again: a file as a careless hand or a bad disk leaves it. */
function edited(name: string, edit: (lines: string[]) => string[]): string {
  const lines = gunzipSync(readFileSync(plain)).toString('utf8').split('\n');
  return variant(name, gzipSync(edit(lines).join('\n')));
}

let source: TestApp;
let target: Database;
let empty: Map<string, string[]>;

beforeAll(async () => {
  [source, target] = await Promise.all([openTestApp(), openTestDatabase()]);
  for (const [i, category] of ['extortion', 'killing'].entries()) {
    const res = await source.app.inject({
      method: 'POST',
      url: '/api/incidents',
      payload: {
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [28.6 + i / 100, -2.2] },
        properties: { occurred_on: '2024-05-0' + (i + 1), category },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
  }
  // Test databases are clones of one template, secret included: the target gets one of its own.
  await target.query(`UPDATE sharing_secret SET secret = $1`, ['the target database’s own secret']);
  await writeBackup(source.db, plain);
  await writeBackup(source.db, encrypted, { encrypt: { passphrase: PASSPHRASE, scryptWorkFactor: TEST_SCRYPT_WORK } });
  empty = await tableContents(target);
}, 120_000);

afterAll(async () => {
  await Promise.all([source?.close(), target?.close()]);
  scratch.remove();
});

/** The refusal, and the target exactly as it was. */
async function refusedAndUntouched(restore: Promise<unknown>, kind: new (...args: never[]) => Error, message: RegExp): Promise<void> {
  const error = await restore.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(kind);
  expect((error as Error).message).toMatch(message);
  expect(await tableContents(target)).toEqual(empty);
  expect(await schemaVersion(target)).toBe(newestMigration());
}

describe('a restore refuses, and writes nothing', () => {
  it('with a wrong passphrase, or none', async () => {
    await refusedAndUntouched(
      restoreBackup(target, encrypted, () => ({ passphrase: 'not the right passphrase' })),
      DecryptionError,
      /wrong passphrase/,
    );
    await refusedAndUntouched(
      restoreBackup(target, encrypted, () => ({})),
      DecryptionError,
      /give its passphrase/,
    );
  });

  it('a file that is not a backup', async () => {
    await refusedAndUntouched(restoreBackup(target, variant('notes.txt', 'incident list\n')), NotABackupError, /not a backup file/);
    await refusedAndUntouched(restoreBackup(target, variant('other.gz', gzipSync('{"format":"something-else"}\n'))), NotABackupError, /not a backup file/);
  });

  it('a file cut short, having loaded the tables before the cut', async () => {
    const bytes = readFileSync(plain);
    await refusedAndUntouched(restoreBackup(target, variant('cut.backup', bytes.subarray(0, Math.floor(bytes.length * 0.8)))), NotABackupError, /cut short/);
    // The last row missing, the gzip itself whole: the header's count tells.
    const lastRowGone = edited('short.backup', (lines) => lines.filter((l) => l !== '').slice(0, -1));
    await refusedAndUntouched(restoreBackup(target, lastRowGone), NotABackupError, /cut short/);
  });

  it('a row the schema refuses, in a late table (the earlier tables are rolled back with it)', async () => {
    const header = JSON.parse(gunzipSync(readFileSync(plain)).toString('utf8').split('\n')[0]!) as { tables: Array<{ name: string }> };
    const names = header.tables.map((t) => t.name);
    expect(names.indexOf('incidents')).toBeGreaterThan(names.indexOf('audit_log'));
    const bad = edited('bad-row.backup', (lines) => lines.map((l) => l.replace('"category":"killing"', '"category":"not-a-category"')));
    await refusedAndUntouched(restoreBackup(target, bad), Error, /incidents_category_check/);
  });

  it('a header from a newer app, or not matching the schema it names', async () => {
    const newer = edited('newer.backup', ([head, ...rest]) => [JSON.stringify({ ...JSON.parse(head!), schema: newestMigration() + 1 }), ...rest]);
    await refusedAndUntouched(restoreBackup(target, newer), RestoreRefusedError, /newer than this app/);
    const noColumn = edited('edited.backup', ([head, ...rest]) => {
      const parsed = JSON.parse(head!) as { tables: Array<{ name: string; columns: Array<{ name: string }> }> };
      const incidents = parsed.tables.find((t) => t.name === 'incidents')!;
      incidents.columns = incidents.columns.filter((c) => c.name !== 'victims');
      return [JSON.stringify(parsed), ...rest];
    });
    await refusedAndUntouched(restoreBackup(target, noColumn), RestoreRefusedError, /does not match migration \d+.*incidents has columns/);
  });
});

describe('into a migrated, empty database of the same kind', () => {
  it('restores, with the backup’s sharing secret in place of the new one', async () => {
    const summary = await restoreBackup(target, encrypted, () => ({ passphrase: PASSPHRASE }));
    expect(summary.laterMigrations).toEqual([]);
    const copy = await tableContents(target);
    for (const [table, rows] of await tableContents(source.db)) if (table !== 'data_version') expect(copy.get(table), table).toEqual(rows);
    expect(copy.get('sharing_secret')!.join()).not.toContain('the target database’s own secret');
  });

  it('then refuses a second restore: the target is not empty any more', async () => {
    const restored = await tableContents(target);
    const error = await restoreBackup(target, plain).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RestoreRefusedError);
    expect((error as Error).message).toMatch(/not empty \(.*incidents.*\)/);
    expect(await tableContents(target)).toEqual(restored);
  });
});
