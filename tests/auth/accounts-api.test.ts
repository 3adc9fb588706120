import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAuthFixture, PASSWORD, type AuthFixture } from './auth-fixture.js';

/** Admins manage accounts through the API; every change is in the audit log, no secret ever is. */
let f: AuthFixture;
beforeAll(async () => {
  f = await openAuthFixture();
});
afterAll(() => f?.close());

const admin = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) => f.app.inject({ method, url, payload, headers: f.as('admin') });

describe('account management', () => {
  it('creates an account that can then sign in, and audits it without the password', async () => {
    const res = await admin('POST', '/api/accounts', { username: 'Amani.K', role: 'editor', display_name: 'Amani K.', password: 'une phrase de passe longue' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ username: 'amani.k', role: 'editor', has_password: true });
    expect(res.json()).not.toHaveProperty('password_hash');
    const login = await f.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'amani.k', password: 'une phrase de passe longue' } });
    expect(login.statusCode).toBe(200);
    const [entry] = await f.db.query<{ actor: string; after: string }>(`SELECT actor, after::text FROM audit_log WHERE layer = 'accounts' AND record_id = $1`, [
      res.json().id,
    ]);
    expect(entry!.actor).toMatch(/^admin \(token #\d+\)$/);
    expect(entry!.after).not.toMatch(/scrypt|une phrase/);
  });

  it.each([
    [{ username: 'x', role: 'viewer' }, /username/],
    [{ username: 'has space', role: 'viewer', password: PASSWORD }, /username must be/],
    [{ username: 'shortpw', role: 'viewer', password: 'short' }, /at least 12 characters/],
    [{ username: 'badrole', role: 'root' }, /role/],
    [{ username: 'viewer', role: 'viewer' }, /already exists/],
  ])('refuses %j with words', async (payload, message) => {
    const before = (await admin('GET', '/api/accounts')).json().accounts.length;
    const res = await admin('POST', '/api/accounts', payload);
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.json().message).toMatch(message);
    expect((await admin('GET', '/api/accounts')).json().accounts.length).toBe(before);
  });

  it('lists accounts without any password hash', async () => {
    const res = await admin('GET', '/api/accounts');
    expect(res.body).not.toMatch(/scrypt/);
    expect(res.json().accounts.map((a: { username: string }) => a.username)).toEqual(expect.arrayContaining(['admin', 'editor', 'partner', 'viewer']));
  });

  it('changes a role, and the new role applies at once', async () => {
    const created = (await admin('POST', '/api/accounts', { username: 'role-change', role: 'viewer' })).json();
    const token = (await admin('POST', `/api/accounts/${created.id}/tokens`, { name: 'role test' })).json().token;
    const write = () => f.app.inject({ method: 'DELETE', url: '/api/zones/999999', headers: { authorization: `Bearer ${token}` } });
    expect((await write()).statusCode).toBe(403);
    expect((await admin('PATCH', `/api/accounts/${created.id}`, { role: 'editor' })).json().role).toBe('editor');
    expect((await write()).statusCode).toBe(404);
  });

  it('keeps one enabled admin: the last cannot be demoted or disabled', async () => {
    const res = await admin('PATCH', `/api/accounts/${f.accountIds.admin}`, { disabled: true });
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toMatch(/last enabled admin/);
    expect((await admin('PATCH', `/api/accounts/${f.accountIds.admin}`, { role: 'viewer' })).statusCode).toBe(409);
    expect((await admin('GET', '/api/session')).json().role).toBe('admin');
  });

  it('shows a token secret once, and never again', async () => {
    const issued = await admin('POST', `/api/accounts/${f.accountIds.viewer}/tokens`, { name: 'once' });
    expect(issued.statusCode).toBe(201);
    const { token, id } = issued.json();
    const list = await admin('GET', `/api/accounts/${f.accountIds.viewer}/tokens`);
    expect(list.json().tokens.map((t: { id: number }) => t.id)).toContain(id);
    expect(list.body).not.toContain(token);
    expect((await admin('GET', '/api/tokens')).body).not.toContain(token);
    const [audit] = await f.db.query<{ after: string }>(`SELECT after::text FROM audit_log WHERE layer = 'api_tokens' AND record_id = $1`, [id]);
    expect(audit!.after).not.toContain(token);
  });

  it('lets admins read the audit trail and the export log through the API', async () => {
    expect((await admin('GET', '/api/export?layers=zones')).statusCode).toBe(200);
    const exports = (await admin('GET', '/api/audit/exports')).json().entries;
    expect(exports[0]).toMatchObject({ requested_by: expect.stringMatching(/^admin \(token #\d+\)$/), profile: 'partner', layers: ['zones'] });
    const changes = (await admin('GET', '/api/audit?layer=accounts')).json().entries;
    expect(changes.length).toBeGreaterThan(0);
    expect((await f.app.inject({ url: '/api/audit', headers: f.as('editor') })).statusCode).toBe(403);
  });
});
