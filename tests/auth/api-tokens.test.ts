import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToken } from '../../server/auth/api-tokens.js';
import { openAuthFixture, type AuthFixture } from './auth-fixture.js';

/** Scripts' way in: a bearer token, stored hashed, revocable, optionally expiring, rate-limited. */
let f: AuthFixture;
beforeAll(async () => {
  f = await openAuthFixture();
});
afterAll(() => f?.close());

const asToken = (token: string, url = '/api/zones') => f.app.inject({ url, headers: { authorization: `Bearer ${token}` } });

describe('an API token', () => {
  it('opens the API for its account, and the database keeps only its hash', async () => {
    expect((await asToken(f.tokens.viewer)).statusCode).toBe(200);
    const rows = await f.db.query<{ token_hash: string; prefix: string }>(`SELECT token_hash, prefix FROM api_tokens`);
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const token of Object.values(f.tokens)) {
      expect(token).toMatch(/^rmk_[A-Za-z0-9_-]{43}$/);
      expect(rows.some((r) => r.token_hash.includes(token) || token.includes(r.token_hash))).toBe(false);
    }
  });

  it('records when it was last used', async () => {
    const { token, record } = await issueToken(f.db, f.accountIds.viewer, 'last use');
    expect(record.last_used_at).toBeNull();
    await asToken(token);
    const [row] = await f.db.query<{ used: boolean }>(`SELECT last_used_at IS NOT NULL AS used FROM api_tokens WHERE id = $1`, [record.id]);
    expect(row!.used).toBe(true);
  });

  it('stops working once revoked, through the admin API', async () => {
    const { token, record } = await issueToken(f.db, f.accountIds.editor, 'to revoke');
    expect((await asToken(token)).statusCode).toBe(200);
    const revoked = await f.app.inject({ method: 'DELETE', url: `/api/tokens/${record.id}`, headers: f.as('admin') });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json().revoked_at).not.toBeNull();
    const res = await asToken(token);
    expect(res.statusCode).toBe(401);
    expect(res.json().message).toMatch(/revoked/);
    const [entry] = await f.db.query<{ before: { revoked_at: string | null }; after: { revoked_at: string | null } }>(
      `SELECT before, after FROM audit_log WHERE layer = 'api_tokens' AND record_id = $1 AND action = 'update'`,
      [record.id],
    );
    expect(entry!.before.revoked_at).toBeNull();
    expect(entry!.after.revoked_at).not.toBeNull();
  });

  it('stops working once expired', async () => {
    const { token, record } = await issueToken(f.db, f.accountIds.editor, 'short-lived', 1);
    expect(record.expires_at).not.toBeNull();
    expect((await asToken(token)).statusCode).toBe(200);
    await f.db.query(`UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE id = $1`, [record.id]);
    expect((await asToken(token)).statusCode).toBe(401);
  });

  it('stops working when its account is disabled', async () => {
    const account = (
      await f.app.inject({ method: 'POST', url: '/api/accounts', headers: f.as('admin'), payload: { username: 'script-bot', role: 'viewer' } })
    ).json();
    const issued = await f.app.inject({
      method: 'POST',
      url: `/api/accounts/${account.id}/tokens`,
      headers: f.as('admin'),
      payload: { name: 'nightly', expires_in_days: 30 },
    });
    expect(issued.statusCode, issued.body).toBe(201);
    const { token } = issued.json();
    expect((await asToken(token)).statusCode).toBe(200);
    expect((await f.app.inject({ method: 'PATCH', url: `/api/accounts/${account.id}`, headers: f.as('admin'), payload: { disabled: true } })).statusCode).toBe(
      200,
    );
    expect((await asToken(token)).statusCode).toBe(401);
    // Enabling the account again does not revive its old tokens (found in review).
    expect((await f.app.inject({ method: 'PATCH', url: `/api/accounts/${account.id}`, headers: f.as('admin'), payload: { disabled: false } })).statusCode).toBe(
      200,
    );
    expect((await asToken(token)).statusCode).toBe(401);
  });

  it.each([
    ['an unknown token', 'Bearer rmk_notarealtoken'],
    ['a malformed header', 'Basic dXNlcjpwYXNz'],
    ['an empty bearer', 'Bearer '],
  ])('is refused with 401 for %s, even on a public route', async (_what, authorization) => {
    const res = await f.app.inject({ url: '/api/health', headers: { authorization } });
    expect(res.statusCode).toBe(401);
  });

  it('is refused in the demo mode too when it does not work: a script must learn its token is bad', async () => {
    const { openTestApp } = await import('../support/test-app.js');
    const demo = await openTestApp({ demo: true });
    try {
      expect((await demo.app.inject({ url: '/api/zones' })).statusCode).toBe(200);
      expect((await demo.app.inject({ url: '/api/zones', headers: { authorization: 'Bearer rmk_nope' } })).statusCode).toBe(401);
    } finally {
      await demo.close();
    }
  });
});

describe('the token rate limit', () => {
  it('answers 429 after the allowed requests per minute with one token, and leaves other tokens alone', async () => {
    const g = await openAuthFixture({ tokenRequestsPerMinute: 5 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await g.app.inject({ url: '/api/layers', headers: g.as('viewer') })).statusCode);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
      // Writing the header another way is still the same token (found in review).
      for (const authorization of [`bearer ${g.tokens.viewer}`, `Bearer  ${g.tokens.viewer}`, `BEARER ${g.tokens.viewer}`]) {
        expect((await g.app.inject({ url: '/api/layers', headers: { authorization } })).statusCode, authorization.slice(0, 8)).toBe(429);
      }
      expect((await g.app.inject({ url: '/api/layers', headers: g.as('editor') })).statusCode).toBe(200);
    } finally {
      await g.close();
    }
  });
});
