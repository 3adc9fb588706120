import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountForToken } from '../../server/auth/api-tokens.js';
import { runAccountsCommand } from '../../server/cli/accounts-command.js';
import { PROJECT_ROOT } from '../../server/paths.js';
import type { Database } from '../../server/db/database.js';
import { openTestDatabase, PGLITE_TEMPLATE } from '../support/test-database.js';

/** `npm run accounts`: the first admin and API tokens from a terminal, before any web page can be signed into. */
let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db?.close());

async function run(args: string[], stdin = ''): Promise<string[]> {
  const lines: string[] = [];
  await runAccountsCommand(db, args, { out: (line) => lines.push(line), readStdin: async () => stdin });
  return lines;
}

describe('the accounts command', () => {
  it('creates the first admin with a generated password, shown once, and audits it under the operating-system user', async () => {
    const lines = await run(['create', 'first-admin', '--role', 'admin', '--name', 'Première admin']);
    expect(lines[0]).toMatch(/^Created admin 'first-admin' \(id \d+\)\.$/);
    const password = /Password \(shown once.*\): (\S+)$/.exec(lines[1]!)?.[1];
    expect(password?.length).toBeGreaterThanOrEqual(20);
    const [row] = await db.query<{ hash: string; actor: string }>(
      `SELECT a.password_hash AS hash, l.actor FROM accounts a JOIN audit_log l ON l.layer = 'accounts' AND l.record_id = a.id WHERE a.username = 'first-admin'`,
    );
    expect(row!.hash).toMatch(/^scrypt\$/);
    expect(row!.hash).not.toContain(password!);
    expect(row!.actor).toMatch(/^cli:/);
  });

  it('takes a password from standard input, and refuses a short one', async () => {
    expect(await run(['create', 'stdin-user', '--role', 'viewer', '--password-stdin'], 'a long enough passphrase\n')).toHaveLength(1);
    await expect(run(['create', 'short-user', '--role', 'viewer', '--password-stdin'], 'short\n')).rejects.toThrow(/at least 12 characters/);
    expect((await db.query(`SELECT 1 FROM accounts WHERE username = 'short-user'`)).length).toBe(0);
  });

  it('issues a token that works, printed once, and revokes it', async () => {
    await run(['create', 'export-bot', '--role', 'partner', '--no-password']);
    const lines = await run(['token', 'export-bot', '--for', 'nightly partner export', '--expires-days', '30']);
    const token = lines[1]!;
    expect(token).toMatch(/^rmk_/);
    expect(lines[0]).toMatch(/expires/);
    expect(await accountForToken(db, token)).toMatchObject({ username: 'export-bot', role: 'partner' });
    const id = /^Token #(\d+)/.exec(lines[0]!)![1]!;
    expect((await run(['tokens', 'export-bot'])).join('\n')).toContain('nightly partner export');
    await run(['revoke', id]);
    expect(await accountForToken(db, token)).toBeUndefined();
  });

  it.each([
    [['create', 'x1', '--role', 'root'], /--role must be one of/],
    [['token', 'nobody-here', '--for', 'x'], /no account named/],
    [['token', 'export-bot'], /--for/],
    [['revoke', 'abc'], /token id/],
    [['explode'], /unknown command/],
    [['create', 'first-admin', '--role', 'viewer'], /already exists/],
  ])('says what is wrong with %j', async (args, message) => {
    await expect(run(args)).rejects.toThrow(message);
  });

  it('runs as `npm run accounts` on an embedded database in its data folder', { timeout: 120_000 }, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'riskmap-cli-'));
    try {
      // The migrated template, unpacked as a data folder: a first start's migrations would cost
      // 10–15 s of WebAssembly here, and CI's smoke test already starts on a fresh one.
      await promisify(execFile)('tar', ['-xzf', fileURLToPath(PGLITE_TEMPLATE), '-C', dataDir]);
      const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' };
      const tsx = join(PROJECT_ROOT, 'node_modules/.bin/tsx');
      const { stdout } = await promisify(execFile)(tsx, ['server/cli/accounts.ts', 'create', 'chief', '--role', 'admin'], { cwd: PROJECT_ROOT, env });
      expect(stdout).toMatch(/Created admin 'chief'/);
      const listed = await promisify(execFile)(tsx, ['server/cli/accounts.ts', 'list'], { cwd: PROJECT_ROOT, env });
      expect(listed.stdout).toMatch(/chief\s+admin\s+enabled/);
      // Refusals are the same code in-process (above); only the exit code is the subprocess's own.
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
