import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { generateIdentity, identityToRecipient } from 'age-encryption';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LOCK_FILE } from '../../server/db/data-dir-lock.js';
import { exitCodeOf, runBackupCommand, runRestoreCommand, type BackupIo } from '../../server/cli/backup-command.js';
import { PROJECT_ROOT } from '../../server/paths.js';
import type { Database } from '../../server/db/database.js';
import { newestMigration } from '../../server/db/migrate.js';
import { openTestApp, type TestApp } from '../support/test-app.js';
import { openTestDatabase } from '../support/test-database.js';
import { TEST_SCRYPT_WORK, scratchFolder } from './backup-support.js';

/** `npm run backup` and `npm run restore`: what they print, and how they refuse (exit 2, one line). */
const PASSPHRASE = 'typed at the terminal, twice';
const scratch = scratchFolder();
const path = (name: string) => join(scratch.dir, name);

let source: TestApp;
let target: Database;
let tableCount: number;

beforeAll(async () => {
  [source, target] = await Promise.all([openTestApp(), openTestDatabase()]);
  const res = await source.app.inject({
    method: 'POST',
    url: '/api/zones',
    payload: {
      type: 'Feature',
      geometry: {
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [28.6, -2.3],
              [28.7, -2.3],
              [28.7, -2.2],
              [28.6, -2.3],
            ],
          ],
        ],
      },
      properties: { code: 'CLI-1' },
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  const [row] = await source.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public' AND tablename NOT IN ('schemaversion', 'spatial_ref_sys')`,
  );
  tableCount = row!.n;
});
afterAll(async () => {
  await Promise.all([source?.close(), target?.close()]);
  scratch.remove();
});

interface Run {
  lines: string[];
  io: BackupIo;
  opened: ReturnType<typeof vi.fn>;
  asked: ReturnType<typeof vi.fn>;
}

/** The command's io on a test database; closing is the test's business, not the command's. */
function io(db: Database, env: NodeJS.ProcessEnv = {}): Run {
  const lines: string[] = [];
  const opened = vi.fn(async () => ({ ...db, close: async () => {} }));
  const asked = vi.fn(async () => PASSPHRASE);
  return {
    lines,
    opened,
    asked,
    io: { out: (line) => lines.push(line), env, readPassphrase: asked, openDatabase: opened, scryptWorkFactor: TEST_SCRYPT_WORK },
  };
}

async function refusal(command: Promise<void>): Promise<Error> {
  const error = await command.then(
    () => new Error('no refusal'),
    (e: Error) => e,
  );
  expect(exitCodeOf(error), error.message).toBe(2);
  expect(error.message).not.toContain('\n');
  return error;
}

describe('npm run backup', () => {
  it('prints a line per table and a summary: tables, rows, bytes, time', async () => {
    const run = io(source.db);
    await runBackupCommand([path('plain.backup')], run.io);
    const [first, ...rest] = run.lines;
    expect(first).toMatch(/^Backing up the (embedded database|PostgreSQL server) to .*plain\.backup…$/);
    const tables = rest.slice(0, -1);
    expect(tables).toHaveLength(tableCount);
    for (const line of tables) expect(line).toMatch(/^ {2}[a-z_]+ +\d+ rows?$/);
    expect(tables.find((l) => l.trim().startsWith('zones '))).toMatch(/ 1 row$/);
    expect(rest.at(-1)).toMatch(
      new RegExp(
        `^Backup written: .*plain\\.backup: ${tableCount} tables, \\d+ rows, [\\d.]+ (B|kB|MB) in [\\d.]+ s; schema at migration ${newestMigration()}\\.$`,
      ),
    );
  });

  it.each([
    [[], /a backup FILE is needed/],
    [['plain.backup'], /plain\.backup exists already: give another name, or --force/],
    [['new.backup', '--compress'], /Unknown option '--compress'/],
    [['new.backup', 'other.backup'], /one FILE only/],
    [['no-such-folder/new.backup'], /no folder .*no-such-folder/],
    [['new.backup', '--recipient', 'age1notakey'], /'age1notakey' is not an age recipient/],
  ])('refuses %j before opening the database', async (args, message) => {
    const run = io(source.db);
    const error = await refusal(
      runBackupCommand(
        args.map((a) => (a.startsWith('-') || a === 'age1notakey' ? a : path(a))),
        run.io,
      ),
    );
    expect(error.message).toMatch(message);
    expect(run.opened).not.toHaveBeenCalled();
    expect(existsSync(path('new.backup'))).toBe(false);
  });

  it('refuses a short passphrase, or two that differ, before opening the database', async () => {
    const short = io(source.db, { BACKUP_PASSPHRASE: 'short' });
    expect((await refusal(runBackupCommand([path('new.backup'), '--encrypt'], short.io))).message).toMatch(/at least 10 characters/);
    expect(short.opened).not.toHaveBeenCalled();
    const mistyped = io(source.db);
    mistyped.asked.mockRejectedValueOnce(new Error('the two passphrases differ'));
    expect((await refusal(runBackupCommand([path('new.backup'), '--encrypt'], mistyped.io))).message).toMatch(/the two passphrases differ/);
    expect(mistyped.opened).not.toHaveBeenCalled();
  });
});

describe('npm run restore', () => {
  const keyFile = path('backup-key.txt');

  beforeAll(async () => {
    // One backup with a passphrase typed twice at the terminal, one to a public key.
    const typed = io(source.db);
    await runBackupCommand([path('passphrase.backup'), '--encrypt'], typed.io);
    expect(typed.asked).toHaveBeenCalledWith(expect.any(String), true);
    const identity = await generateIdentity();
    writeFileSync(keyFile, `# created for the test\n${identity}\n`);
    await runBackupCommand([path('key.backup'), '--recipient', await identityToRecipient(identity)], io(source.db).io);
  });

  it('restores a backup encrypted to a key with --identity, with a line per table and a summary', async () => {
    const run = io(target);
    await runRestoreCommand([path('key.backup'), '--identity', keyFile], run.io);
    expect(run.asked).not.toHaveBeenCalled();
    expect(run.lines[0]).toMatch(
      new RegExp(`^Restoring .*key\\.backup \\((pglite|postgres), migration ${newestMigration()}, taken \\d{4}-.*\\) into the .*…$`),
    );
    expect(run.lines.slice(1, -1)).toHaveLength(tableCount);
    expect(run.lines.at(-1)).toMatch(
      new RegExp(`^Restored: ${tableCount} tables, \\d+ rows from [\\d.]+ (B|kB|MB) in [\\d.]+ s; schema at migration ${newestMigration()}\\.$`),
    );
    expect((await target.query(`SELECT code FROM zones`)).map((r) => r.code)).toEqual(['CLI-1']);
  });

  it('takes the passphrase from BACKUP_PASSPHRASE, and refuses a target that is not empty', async () => {
    const run = io(target, { BACKUP_PASSPHRASE: PASSPHRASE });
    expect((await refusal(runRestoreCommand([path('passphrase.backup')], run.io))).message).toMatch(/target database is not empty \(.*zones.* hold rows\)/);
    // Decrypted, since its header was read: the refusal came from the database.
    expect(run.lines[0]).toMatch(/^Restoring .*passphrase\.backup/);
    expect(run.asked).not.toHaveBeenCalled();
  });

  it.each([
    [[], {}, /a backup FILE is needed/],
    [['nothing-here.backup'], {}, /no file .*nothing-here\.backup/],
    [['passphrase.backup'], { BACKUP_PASSPHRASE: 'a wrong passphrase' }, /wrong passphrase/],
    [['key.backup', '--identity', 'no-such-key.txt'], {}, /no identity file/],
    [['backup-key.txt'], {}, /not a backup file/],
  ])('refuses %j %j before opening the database', async (args, env, message) => {
    const run = io(target, env);
    expect(
      (
        await refusal(
          runRestoreCommand(
            args.map((a) => (a.startsWith('-') ? a : path(a))),
            run.io,
          ),
        )
      ).message,
    ).toMatch(message);
    expect(run.opened).not.toHaveBeenCalled();
  });
});

describe('the commands as processes', () => {
  const tsx = join(PROJECT_ROOT, 'node_modules/.bin/tsx');
  async function exitOf(script: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stderr: string }> {
    try {
      await promisify(execFile)(tsx, [script, ...args], { cwd: PROJECT_ROOT, env: { ...process.env, BACKUP_PASSPHRASE: '', ...env } });
      return { code: 0, stderr: '' };
    } catch (error) {
      const { code, stderr } = error as { code: number; stderr: string };
      return { code, stderr };
    }
  }

  it('exit 2 with one line on a missing FILE, and on a file that is not a backup', async () => {
    const [backup, restore] = await Promise.all([exitOf('server/cli/backup.ts', []), exitOf('server/cli/restore.ts', [notesFile()])]);
    expect(backup).toEqual({ code: 2, stderr: expect.stringMatching(/^a backup FILE is needed \(usage: npm run backup -- FILE.*\)\n$/) });
    expect(restore).toEqual({ code: 2, stderr: expect.stringMatching(/^.* is not a backup file of this app .*\n$/) });
  });

  it('exit 2, touching nothing, when the embedded database is open in another process', async () => {
    const dataDir = path('in-use');
    mkdirSync(dataDir);
    writeFileSync(join(dataDir, LOCK_FILE), `${process.pid} ${hostname()}\n`);
    const result = await exitOf('server/cli/backup.ts', [path('while-running.backup')], { DATABASE_URL: '', DATA_DIR: dataDir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^the embedded database in .*in-use is in use by process ${process.pid} on .*Stop the app first.*\\n$`));
    expect(existsSync(path('while-running.backup'))).toBe(false);
  });
});

function notesFile(): string {
  const file = path('not-a-backup.txt');
  writeFileSync(file, 'just some notes\n');
  return file;
}
