import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows } from '../support/test-app.js';
import { openAuthFixture, PASSWORD, type AuthFixture } from '../auth/auth-fixture.js';

/**
 * Hostile input where credentials are read: the sign-in, the Authorization header, the
 * session cookie, the CSRF header, and account names. Every one gets a 4xx in words, opens
 * nothing, and writes nothing.
 */
const HOSTILE = [
  "admin' --",
  "' OR '1'='1",
  "admin'; DELETE FROM accounts; --",
  '$1',
  '<script>alert(1)</script>',
  '\u0000admin',
  'admin\u0000',
  'ADMIN\u202E',
  'a'.repeat(5000),
  '../../etc/passwd',
  '{"$ne": null}',
  '🙂',
];

let f: AuthFixture;
beforeAll(async () => {
  f = await openAuthFixture();
});
afterAll(() => f?.close());

async function tableCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of ['accounts', 'sessions', 'api_tokens', 'audit_log']) counts[table] = await countRows(f.db, table);
  return counts;
}

function expectRefusedInWords(res: { statusCode: number; body: string; json(): { message?: unknown } }): void {
  expect(res.statusCode, res.body.slice(0, 200)).toBeGreaterThanOrEqual(400);
  expect(res.statusCode).toBeLessThan(500);
  expect(res.json().message).toEqual(expect.any(String));
  expect(res.body).not.toMatch(/at .*\.(ts|js):\d+|SELECT |scrypt/);
}

describe('hostile sign-ins open nothing and write nothing', () => {
  it.each(HOSTILE.map((s) => [s]))('username %j', async (username) => {
    const before = await tableCounts();
    const res = await f.app.inject({ method: 'POST', url: '/api/session', payload: { username, password: PASSWORD } });
    expectRefusedInWords(res);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(await tableCounts()).toEqual(before);
  });

  it.each(HOSTILE.map((s) => [s]))('password %j', async (password) => {
    const before = await tableCounts();
    const res = await f.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'admin', password } });
    expectRefusedInWords(res);
    expect(await tableCounts()).toEqual(before);
  });

  it.each([
    ['a form body', 'application/x-www-form-urlencoded', 'username=admin&password=x'],
    ['text', 'text/plain', '{"username":"admin","password":"x"}'],
    ['an array', 'application/json', '[]'],
    ['extra fields', 'application/json', JSON.stringify({ username: 'admin', password: PASSWORD, role: 'admin' })],
  ])('%s', async (_what, contentType, payload) => {
    const before = await tableCounts();
    const res = await f.app.inject({ method: 'POST', url: '/api/session', headers: { 'content-type': contentType }, payload });
    expectRefusedInWords(res);
    expect(await tableCounts()).toEqual(before);
  });
});

describe('hostile credentials on the way in', () => {
  // eslint-disable-next-line no-control-regex -- the hostile input is a NUL byte
  it.each(HOSTILE.filter((s) => !/\u0000/.test(s)).map((s) => [s]))('bearer token %j → 401', async (token) => {
    const res = await f.app.inject({ url: '/api/zones', headers: { authorization: `Bearer ${encodeURIComponent(token)}` } });
    expect(res.statusCode).toBe(401);
  });

  // eslint-disable-next-line no-control-regex -- the hostile input is a NUL byte
  it.each(HOSTILE.filter((s) => !/\u0000/.test(s)).map((s) => [s]))('session cookie %j → 401', async (value) => {
    const res = await f.app.inject({ url: '/api/zones', headers: { cookie: `riskmap_session=${encodeURIComponent(value)}` } });
    expect(res.statusCode).toBe(401);
  });

  // eslint-disable-next-line no-control-regex -- the hostile input is a NUL byte
  it.each(HOSTILE.filter((s) => !/\u0000/.test(s)).map((s) => [s]))('CSRF header %j on a real session → 403, nothing written', async (csrf) => {
    const login = await f.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'editor', password: PASSWORD } });
    const cookie = ([] as string[])
      .concat(login.headers['set-cookie'] ?? [])
      .map((c) => c.split(';')[0])
      .join('; ');
    const before = await countRows(f.db, 'zones');
    const res = await f.app.inject({ method: 'DELETE', url: '/api/zones/1', headers: { cookie, 'x-csrf-token': encodeURIComponent(csrf) } });
    expect(res.statusCode).toBe(403);
    expect(await countRows(f.db, 'zones')).toBe(before);
  });

  it.each(HOSTILE.map((s) => [s]))('new account named %j → 400, no account', async (username) => {
    const before = await tableCounts();
    const res = await f.app.inject({ method: 'POST', url: '/api/accounts', headers: f.as('admin'), payload: { username, role: 'viewer' } });
    expectRefusedInWords(res);
    expect(await tableCounts()).toEqual(before);
  });
});
