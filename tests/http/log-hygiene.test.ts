import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { createAccount } from '../../server/auth/accounts.js';
import { issueToken } from '../../server/auth/api-tokens.js';
import type { Database } from '../../server/db/database.js';
import { blankPreciseNumbers, logOptions, redactQueryValues } from '../../server/http/logging.js';
import { openTestDatabase } from '../support/test-database.js';

/**
 * Issue 18: the server's logs never hold a password, a token, a cookie, an incident's
 * description, a person's name or the exact place of a sensitive incident. One app logs
 * everything it can (level trace) while it goes through sign-in, token use, writes of a
 * sensitive incident, refused writes and partner reads; then the log is searched for each secret.
 */
const PASSWORD = 'Kalehe-pass 4417';
const DESCRIPTION = 'Témoin: trois creuseurs frappés au poste de Nyabibwe';
const PERPETRATOR = 'Capitaine Mwamba Kitenge';
// The place of the sensitive incident, as typed; a log holding either number would place it to metres.
const LON = 28.84127;
const LAT = -2.30519;

let db: Database;
let app: FastifyInstance;
let adminToken: string;
let partnerToken: string;
const lines: string[] = [];

beforeAll(async () => {
  db = await openTestDatabase();
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  app = await buildApp({ db, webRoot: '/nonexistent', auth: { demo: false, loginPerMinute: 1000 }, logger: logOptions('trace', sink) });
  const admin = await createAccount(db, { username: 'amani', role: 'admin', password: PASSWORD });
  const partner = await createAccount(db, { username: 'partner-ngo', role: 'partner', password: PASSWORD });
  adminToken = (await issueToken(db, admin.id, 'log test')).token;
  partnerToken = (await issueToken(db, partner.id, 'log test')).token;
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

const incident = (properties: Record<string, unknown>, coordinates: number[] = [LON, LAT]) => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates },
  properties: {
    occurred_on: '2019-03-10',
    category: 'torture',
    perpetrator_type: 'fardc',
    perpetrator_name: PERPETRATOR,
    description: DESCRIPTION,
    ...properties,
  },
});

describe('the logs of a session with sensitive records', () => {
  let cookie = '';
  let csrf = '';

  it('are written: the search below looks at real lines', async () => {
    const signIn = (username: string, password: string) => app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });
    expect((await signIn('amani', 'wrong')).statusCode).toBe(401);
    // A password typed into the name field, the classic way one reaches a log.
    expect((await signIn(PASSWORD, PASSWORD)).statusCode).toBe(401);
    const signedIn = await signIn('amani', PASSWORD);
    expect(signedIn.statusCode).toBe(200);
    const pairs = ([] as string[]).concat(signedIn.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]!);
    cookie = pairs.join('; ');
    csrf = pairs.find((p) => p.startsWith('riskmap_csrf='))!.split('=')[1]!;

    const created = await app.inject({ method: 'POST', url: '/api/incidents', headers: { cookie, 'x-csrf-token': csrf }, payload: incident({}) });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const bearer = { authorization: `Bearer ${adminToken}` };
    // Refused writes, whose messages are the likeliest to quote what was sent.
    const refused = [
      await app.inject({ method: 'POST', url: '/api/incidents', headers: bearer, payload: incident({ victims: -1 }) }),
      await app.inject({ method: 'POST', url: '/api/incidents', headers: bearer, payload: incident({ occurred_on: '2019-13-45' }) }),
      await app.inject({ method: 'POST', url: '/api/incidents', headers: bearer, payload: incident({ site_id: 999_999 }) }),
      await app.inject({ method: 'POST', url: '/api/incidents', headers: bearer, payload: incident({}, [LON, LAT, 1, 2, 3]) }),
      await app.inject({
        method: 'PATCH',
        url: `/api/incidents/${id}`,
        headers: { cookie },
        payload: { type: 'Feature', properties: { description: `${DESCRIPTION} (suite)` } },
      }),
      await app.inject({ method: 'GET', url: '/api/incidents', headers: { authorization: `Bearer ${adminToken}x` } }),
    ];
    expect(refused.map((r) => r.statusCode)).toEqual([400, 400, 400, 400, 403, 401]);
    expect(
      (
        await app.inject({
          method: 'PATCH',
          url: `/api/incidents/${id}`,
          headers: bearer,
          payload: { type: 'Feature', properties: { description: `${DESCRIPTION} (suite)` } },
        })
      ).statusCode,
    ).toBe(200);
    for (const url of [
      '/api/incidents',
      '/api/incidents?date=2019-03-11',
      `/api/export?layers=incidents&bbox=${LON - 0.01},${LAT - 0.01},${LON + 0.01},${LAT + 0.01}`,
      '/tiles/incidents/12/2376/2073.mvt',
    ]) {
      expect((await app.inject({ url, headers: { authorization: `Bearer ${partnerToken}` } })).statusCode).toBe(200);
    }
    expect((await app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie, 'x-csrf-token': csrf } })).statusCode).toBe(204);

    expect(lines.length).toBeGreaterThan(30);
    expect(lines.some((line) => line.includes('sign-in refused'))).toBe(true);
    expect(lines.filter((line) => line.includes('"reqId"')).length).toBeGreaterThan(20);
  });

  it('hold no password, token, cookie, CSRF token, description, name or exact place', () => {
    const text = lines.join('\n');
    const secrets = {
      password: PASSWORD,
      'admin token': adminToken,
      'partner token': partnerToken,
      'session cookie': cookie
        .split('; ')
        .find((p) => p.startsWith('riskmap_session='))!
        .split('=')[1]!,
      'CSRF token': csrf,
      description: DESCRIPTION,
      'perpetrator name': PERPETRATOR,
      longitude: String(LON),
      latitude: String(LAT),
      'bbox around the place': (LON - 0.01).toFixed(5),
    };
    for (const [what, secret] of Object.entries(secrets)) {
      expect(secret.length, what).toBeGreaterThan(4);
      expect({ what, found: text.includes(secret) }).toEqual({ what, found: false });
    }
  });

  it('follow one request by its id: the id the proxy sent, or one of our own, in the answer too', async () => {
    const sent = await app.inject({ url: '/api/health', headers: { 'x-request-id': 'proxy-7f3a' } });
    expect(sent.headers['x-request-id']).toBe('proxy-7f3a');
    expect(lines.some((line) => line.includes('"reqId":"proxy-7f3a"'))).toBe(true);
    const forged = await app.inject({ url: '/api/health', headers: { 'x-request-id': 'a"}\n{"level":60' } });
    expect(forged.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('the log serializers', () => {
  it('blank precise numbers and keep only harmless query values', () => {
    expect(blankPreciseNumbers('Self-intersection at or near point 28.84127 -2.30519')).toBe('Self-intersection at or near point [n] [n]');
    expect(blankPreciseNumbers('2 of 10, 0.5 km')).toBe('2 of 10, 0.5 km');
    expect(redactQueryValues('/api/incidents?bbox=28.8,-2.3,28.9,-2.2&date=2019-07-25&polygon=x')).toBe('/api/incidents?bbox=…&date=2019-07-25&polygon=…');
  });

  it("drop a driver error's detail, which quotes the failed row", () => {
    const serializers = (logOptions('info') as { serializers: { err(e: unknown): Record<string, unknown> } }).serializers;
    const error = Object.assign(new Error('duplicate key value violates unique constraint "x"'), {
      code: '23505',
      detail: `Key (description)=(${DESCRIPTION}) already exists.`,
    });
    const logged = JSON.stringify(serializers.err(error));
    expect(logged).toContain('23505');
    expect(logged).not.toContain(DESCRIPTION);
  });
});
