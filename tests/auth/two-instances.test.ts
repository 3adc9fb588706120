import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../server/auth/accounts.js';
import { issueToken } from '../../server/auth/api-tokens.js';
import type { Database } from '../../server/db/database.js';
import { openTestDatabase, withDatabase } from '../support/test-database.js';

/**
 * Issue 18: two app processes against one PostgreSQL server share what matters (sessions,
 * CSRF tokens, token revocation, rate limits). Real processes, started the way an operator
 * starts them, so that nothing kept in one process's memory can pass for shared.
 * The embedded database belongs to one process by nature: this runs on the server only.
 */
const serverUrl = process.env.DATABASE_URL;
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PASSWORD = 'two instances, one database';
const LOGIN_LIMIT = 4;

interface Instance {
  process: ChildProcess;
  base: string;
}

/** Starts `server/main.ts` on a free port and resolves with its address once it says it is ready. */
function startInstance(databaseUrl: string): Promise<Instance> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    // No load shedding: on a machine busy with the rest of the suite a just-started process can
    // lag over the 1 s threshold and answer 503 (seen in CI); shedding is tests/http/health.test.ts's subject, sharing is this one's.
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      LOAD_DEMO: '0',
      LOGIN_RATE_LIMIT: String(LOGIN_LIMIT),
      DEMO: '',
      SHED_EVENT_LOOP_DELAY_MS: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const seen = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /ready: (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (ready) resolve({ process: child, base: ready[1]! });
    };
    child.stdout!.on('data', seen);
    child.stderr!.on('data', seen);
    child.on('exit', (code) => reject(new Error(`the instance stopped (exit ${code}) before it was ready:\n${output}`)));
  });
}

const cookiesOf = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0]!)
    .filter((pair) => !pair.endsWith('='));

describe.skipIf(!serverUrl)('two app instances on one PostgreSQL server', () => {
  let db: Database;
  let a: Instance;
  let b: Instance;
  let adminToken: string;
  let viewerId: number;

  beforeAll(async () => {
    db = await openTestDatabase();
    const [{ name }] = (await db.query<{ name: string }>('SELECT current_database() AS name')) as [{ name: string }];
    const admin = await createAccount(db, { username: 'admin', role: 'admin', password: PASSWORD });
    viewerId = (await createAccount(db, { username: 'viewer', role: 'viewer', password: PASSWORD })).id;
    adminToken = (await issueToken(db, admin.id, 'two-instance test')).token;
    [a, b] = await Promise.all([startInstance(withDatabase(serverUrl!, name)), startInstance(withDatabase(serverUrl!, name))]);
  });

  afterAll(async () => {
    for (const instance of [a, b]) instance?.process.kill('SIGTERM');
    await Promise.all(
      [a, b].map((instance) => instance && new Promise((done) => (instance.process.exitCode === null ? instance.process.on('exit', done) : done(null)))),
    );
    await db?.close();
  });

  const signIn = (on: Instance, username: string, password: string) =>
    fetch(`${on.base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });

  it('are two processes', () => {
    expect(a.base).not.toBe(b.base);
    expect(a.process.pid).not.toBe(b.process.pid);
  });

  it('share sessions and CSRF tokens: signed in on one, known on the other; signed out on the other, gone on the first', async () => {
    const signedIn = await signIn(a, 'viewer', PASSWORD);
    expect(signedIn.status).toBe(200);
    const cookie = cookiesOf(signedIn).join('; ');
    const csrf = /riskmap_csrf=([^;]+)/.exec(cookie)![1]!;

    const onB = await fetch(`${b.base}/api/session`, { headers: { cookie } });
    expect((await onB.json()).account).toEqual({ username: 'viewer', role: 'viewer' });

    // A change on B with A's session needs A's CSRF token, and B knows it.
    expect((await fetch(`${b.base}/api/session`, { method: 'DELETE', headers: { cookie } })).status).toBe(403);
    expect((await fetch(`${b.base}/api/session`, { method: 'DELETE', headers: { cookie, 'x-csrf-token': csrf } })).status).toBe(204);
    expect((await (await fetch(`${a.base}/api/session`, { headers: { cookie } })).json()).account).toBeNull();
  });

  it('share token revocation: revoked on one, refused on the other at once', async () => {
    const { token, record } = await issueToken(db, viewerId, 'to be revoked');
    const bearer = { authorization: `Bearer ${token}` };
    expect((await fetch(`${b.base}/api/zones`, { headers: bearer })).status).toBe(200);
    const revoked = await fetch(`${a.base}/api/tokens/${record.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${adminToken}` } });
    expect(revoked.status).toBe(200);
    expect((await fetch(`${b.base}/api/zones`, { headers: bearer })).status).toBe(401);
  });

  it(`share the sign-in limit: ${LOGIN_LIMIT} attempts a minute from one address, spread over both`, async () => {
    // The sign-in of the test above counted too: a fresh window for this address.
    await db.query(`DELETE FROM rate_limit_counts`);
    const statuses: number[] = [];
    for (let i = 0; i < LOGIN_LIMIT + 2; i++) {
      // A different name each time, so the per-name backoff stays out of it: only the per-address limit counts.
      statuses.push((await signIn(i % 2 ? b : a, `nobody-${i}`, 'wrong password')).status);
    }
    expect(statuses).toEqual([...Array(LOGIN_LIMIT).fill(401), 429, 429]);
  });

  it("share the per-name backoff: one name's failures on both instances add up", async () => {
    // The per-address limit would trip first; a fresh window for it, the failures of the name kept.
    await db.query(`DELETE FROM rate_limit_counts`);
    for (let i = 0; i < 3; i++) expect((await signIn(a, 'admin', `wrong-${i}`)).status).toBe(401);
    await db.query(`DELETE FROM rate_limit_counts`);
    for (let i = 0; i < 2; i++) expect((await signIn(b, 'admin', `wrong-${i}`)).status).toBe(401);
    const waiting = await signIn(a, 'admin', PASSWORD);
    expect(waiting.status).toBe(429);
    expect(await waiting.text()).toMatch(/too many failed sign-ins for this username/);
  });
});
