import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FREE_FAILURES, MAX_WAIT_SECONDS, SignInBackoff, waitAfterFailures } from '../../server/auth/sign-in-backoff.js';
import { openAuthFixture, PASSWORD, type AuthFixture } from './auth-fixture.js';

/** Issue 16: failed sign-ins slow down per username, not only per address; browser sessions are rate-limited like tokens. */
const SESSION_LIMIT = 8;
let f: AuthFixture;
beforeAll(async () => {
  // The per-address limit out of the way (1000/min), to see the per-name one alone.
  f = await openAuthFixture({ loginPerMinute: 1000, sessionRequestsPerMinute: SESSION_LIMIT });
});
afterAll(() => f?.close());

const signIn = (username: string, password: string) => f.app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });

describe('failed sign-ins', () => {
  it(`make a username wait after ${FREE_FAILURES}, even with the right password then, and leave other names alone`, async () => {
    for (let i = 0; i < FREE_FAILURES; i++) expect((await signIn('viewer', `wrong-password-${i}`)).statusCode).toBe(401);
    const waiting = await signIn('viewer', PASSWORD);
    expect(waiting.statusCode).toBe(429);
    expect(waiting.json().message).toMatch(/too many failed sign-ins for this username: try again in \d+ s/);
    expect(Number(waiting.headers['retry-after'])).toBeGreaterThan(0);
    expect((await signIn('editor', PASSWORD)).statusCode).toBe(200);
  });

  it('treat a name that does not exist the same way, so the answer does not say which names exist', async () => {
    for (let i = 0; i < FREE_FAILURES; i++) expect((await signIn('nobody-here', `wrong-password-${i}`)).statusCode).toBe(401);
    expect((await signIn('nobody-here', PASSWORD)).statusCode).toBe(429);
  });

  it('double the wait with each further failure, up to a ceiling', () => {
    expect([4, 5, 6, 7, 20].map(waitAfterFailures)).toEqual([0, 1, 2, 4, MAX_WAIT_SECONDS]);
  });

  it('end the wait when its time is up, and forget the count after a success', async () => {
    const backoff = new SignInBackoff(f.db);
    for (let i = 0; i < FREE_FAILURES + 2; i++) await backoff.failed('amani');
    await expect(backoff.check('AMANI ')).rejects.toThrow(/try again in 4 s/);
    // Four seconds later, without waiting them: the deadline moved back.
    await f.db.query(`UPDATE sign_in_failures SET wait_until = wait_until - interval '4 seconds'`);
    await expect(backoff.check('amani')).resolves.toBeUndefined();
    await backoff.succeeded('amani');
    await backoff.failed('amani');
    await expect(backoff.check('amani')).resolves.toBeUndefined();
  });
});

describe('browser sessions', () => {
  it(`are limited to their own count of requests per minute (${SESSION_LIMIT} here)`, async () => {
    const res = await signIn('admin', PASSWORD);
    expect(res.statusCode).toBe(200);
    const value = (name: string) =>
      ([] as string[])
        .concat(res.headers['set-cookie'] ?? [])
        .find((c) => c.startsWith(`${name}=`))!
        .split(';')[0]!;
    const cookie = `${value('riskmap_session')}; ${value('riskmap_csrf')}`;
    const statuses: number[] = [];
    for (let i = 0; i < SESSION_LIMIT + 2; i++) statuses.push((await f.app.inject({ url: '/api/zones', headers: { cookie } })).statusCode);
    expect(statuses.slice(0, SESSION_LIMIT).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(SESSION_LIMIT)).toEqual([429, 429]);
    // A token has a count of its own.
    expect((await f.app.inject({ url: '/api/zones', headers: f.as('admin') })).statusCode).toBe(200);
  });
});
