import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateAccount } from '../../server/auth/accounts.js';
import { countRows } from '../support/test-app.js';
import { openAuthFixture, PASSWORD, type AuthFixture } from './auth-fixture.js';

/** The browser's way in: a session cookie, a CSRF token for every write, and a way out. */
let f: AuthFixture;
beforeAll(async () => {
  f = await openAuthFixture();
});
afterAll(() => f?.close());

interface Session {
  cookie: string;
  csrf: string;
  setCookies: string[];
}

async function signIn(username: string, password = PASSWORD): Promise<Session> {
  const res = await f.app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });
  expect(res.statusCode, res.body).toBe(200);
  const setCookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  const value = (name: string) =>
    setCookies
      .find((c) => c.startsWith(`${name}=`))!
      .split(';')[0]!
      .split('=')[1]!;
  return {
    cookie: `riskmap_session=${value('riskmap_session')}; riskmap_csrf=${value('riskmap_csrf')}`,
    csrf: decodeURIComponent(value('riskmap_csrf')),
    setCookies,
  };
}

const zone = (name: string) => ({
  type: 'Feature',
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [28.7, -2.1],
        [28.71, -2.1],
        [28.71, -2.09],
        [28.7, -2.1],
      ],
    ],
  },
  properties: { code: `T-${name}`, name, status: 'active' },
});

describe('signing in', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie and a script-readable CSRF cookie', async () => {
    const { setCookies } = await signIn('editor');
    const session = setCookies.find((c) => c.startsWith('riskmap_session='))!;
    const csrf = setCookies.find((c) => c.startsWith('riskmap_csrf='))!;
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Strict/i);
    expect(session).toMatch(/Path=\//);
    expect(csrf).not.toMatch(/HttpOnly/i);
    expect(csrf).toMatch(/SameSite=Strict/i);
  });

  it.each([
    [1, true],
    [false, false],
  ] as const)('marks the cookies Secure when HTTPS came through a trusted proxy (TRUST_PROXY %s → Secure %s)', async (trustProxy, secure) => {
    // inject cannot speak TLS; a deployment behind a TLS proxy learns of HTTPS from this header, if it trusts the proxy.
    const g = await openAuthFixture({}, { trustProxy });
    try {
      const res = await g.app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { username: 'viewer', password: PASSWORD },
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(res.statusCode).toBe(200);
      const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
      expect(cookies).toHaveLength(2);
      for (const cookie of cookies) expect(/;\s*Secure/i.test(cookie), cookie).toBe(secure);
    } finally {
      await g.close();
    }
  });

  it('answers the same 401 for a wrong password and an unknown name', async () => {
    for (const payload of [
      { username: 'editor', password: 'wrong password here' },
      { username: 'nobody-at-all', password: PASSWORD },
    ]) {
      const res = await f.app.inject({ method: 'POST', url: '/api/session', payload });
      expect(res.statusCode).toBe(401);
      expect(res.json().message).toBe('wrong username or password');
      expect(res.headers['set-cookie']).toBeUndefined();
    }
  });

  it('signs in again over a live session without its CSRF token (a stale page has none)', async () => {
    const { cookie } = await signIn('viewer');
    const again = await f.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'editor', password: PASSWORD }, headers: { cookie } });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().account.username).toBe('editor');
  });

  it('is case-blind on the username', async () => {
    await signIn('EDITOR');
  });

  it('refuses plain HTTP from another machine: the cookie could be read on the way', async () => {
    const res = await f.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'editor', password: PASSWORD }, remoteAddress: '10.1.2.3' });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toMatch(/HTTPS/);
  });

  it('says who is signed in', async () => {
    const { cookie } = await signIn('viewer');
    const res = await f.app.inject({ url: '/api/session', headers: { cookie } });
    expect(res.json()).toEqual({ demo: false, account: { username: 'viewer', role: 'viewer' }, role: 'viewer', profile: 'working-group' });
    expect((await f.app.inject({ url: '/api/session' })).json()).toMatchObject({ demo: false, account: null });
  });
});

describe('writing with a session', () => {
  it('needs the CSRF token in a header, and writes nothing without it', async () => {
    const { cookie, csrf } = await signIn('editor');
    const before = await countRows(f.db, 'zones');
    for (const headers of [{ cookie }, { cookie, 'x-csrf-token': 'forged' }]) {
      const res = await f.app.inject({ method: 'POST', url: '/api/zones', payload: zone('Sans jeton'), headers });
      expect(res.statusCode).toBe(403);
      expect(res.json().message).toMatch(/CSRF/);
    }
    expect(await countRows(f.db, 'zones')).toBe(before);
    const res = await f.app.inject({ method: 'POST', url: '/api/zones', payload: zone('Avec jeton'), headers: { cookie, 'x-csrf-token': csrf } });
    expect(res.statusCode, res.body).toBe(201);
    const [entry] = await f.db.query<{ actor: string }>(`SELECT actor FROM audit_log WHERE layer = 'zones' AND record_id = $1`, [res.json().id]);
    expect(entry!.actor).toBe('editor');
  });

  it("does not accept another session's CSRF token", async () => {
    const a = await signIn('editor');
    const b = await signIn('admin');
    const res = await f.app.inject({ method: 'POST', url: '/api/zones', payload: zone('Croisé'), headers: { cookie: a.cookie, 'x-csrf-token': b.csrf } });
    expect(res.statusCode).toBe(403);
  });

  it('lets a viewer read but not write', async () => {
    const { cookie, csrf } = await signIn('viewer');
    expect((await f.app.inject({ url: '/api/zones', headers: { cookie } })).statusCode).toBe(200);
    expect((await f.app.inject({ method: 'POST', url: '/api/zones', payload: zone('Lecteur'), headers: { cookie, 'x-csrf-token': csrf } })).statusCode).toBe(
      403,
    );
  });
});

describe('ending a session', () => {
  it('signs out: the cookie no longer opens anything; both ends are in the audit log', async () => {
    const before = await f.db.query<{ id: number }>(`SELECT max(id)::int AS id FROM audit_log`);
    const { cookie, csrf } = await signIn('viewer');
    const out = await f.app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie, 'x-csrf-token': csrf } });
    expect(out.statusCode).toBe(204);
    const trail = await f.db.query<{ actor: string; action: string }>(`SELECT actor, action FROM audit_log WHERE layer = 'sessions' AND id > $1 ORDER BY id`, [
      before[0]!.id ?? 0,
    ]);
    expect(trail).toEqual([
      { actor: 'viewer', action: 'create' },
      { actor: 'viewer', action: 'delete' },
    ]);
    expect(String(out.headers['set-cookie'])).toMatch(/riskmap_session=;/);
    expect((await f.app.inject({ url: '/api/zones', headers: { cookie } })).statusCode).toBe(401);
  });

  it('ends the sessions of an account that is disabled or changes password', async () => {
    const { cookie } = await signIn('partner');
    expect((await f.app.inject({ url: '/api/zones', headers: { cookie } })).statusCode).toBe(200);
    await updateAccount(f.db, f.accountIds.partner, { password: 'a brand new passphrase' });
    expect((await f.app.inject({ url: '/api/zones', headers: { cookie } })).statusCode).toBe(401);
    await signIn('partner', 'a brand new passphrase');
    await updateAccount(f.db, f.accountIds.partner, { disabled: true });
    const res = await f.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'partner', password: 'a brand new passphrase' } });
    expect(res.statusCode).toBe(401);
    await updateAccount(f.db, f.accountIds.partner, { disabled: false });
  });

  it('stores no session id, only its hash', async () => {
    const { cookie } = await signIn('viewer');
    const id = decodeURIComponent(cookie.split(';')[0]!.split('=')[1]!);
    const rows = await f.db.query<{ token_hash: string }>(`SELECT token_hash FROM sessions`);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.token_hash === id)).toBe(false);
  });
});

describe('the sign-in rate limit', () => {
  it('behind one trusted proxy, counts the address the proxy saw, not what the client wrote before it', async () => {
    const g = await openAuthFixture({ loginPerMinute: 3 }, { trustProxy: 1 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        // The client forges a new left-hand address each time; the proxy appends the one it saw.
        const res = await g.app.inject({
          method: 'POST',
          url: '/api/session',
          payload: { username: 'admin', password: 'guess guess guess' },
          headers: { 'x-forwarded-for': `10.9.${i}.${i}, 203.0.113.7`, 'x-forwarded-proto': 'https' },
        });
        statuses.push(res.statusCode);
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await g.close();
    }
  });

  it('answers 429 after the allowed attempts from one address, right password or not', async () => {
    const g = await openAuthFixture({ loginPerMinute: 3 });
    try {
      const attempt = () =>
        g.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'admin', password: 'guess guess guess' }, remoteAddress: '127.0.0.9' });
      for (let i = 0; i < 3; i++) expect((await attempt()).statusCode).toBe(401);
      const limited = await attempt();
      expect(limited.statusCode).toBe(429);
      expect(limited.json().message).toMatch(/retry/i);
      const right = await g.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'admin', password: PASSWORD }, remoteAddress: '127.0.0.9' });
      expect(right.statusCode).toBe(429);
      // Another address is not held back by the first one's attempts.
      expect(
        (await g.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'admin', password: PASSWORD }, remoteAddress: '127.0.0.10' }))
          .statusCode,
      ).toBe(200);
    } finally {
      await g.close();
    }
  });
});
