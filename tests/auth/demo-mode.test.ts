import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFromEnv, demoModeProblem } from '../../server/config.js';
import { openTestApp, type TestApp } from '../support/test-app.js';
import { openAuthFixture } from './auth-fixture.js';

/** The local demo mode: obvious, local, and only when asked for. And the headers every answer carries. */
describe('the demo mode', () => {
  it('is off unless asked for, by --demo (npm start) or DEMO=1', () => {
    expect(configFromEnv({}, []).demo).toBe(false);
    expect(configFromEnv({}, ['--demo']).demo).toBe(true);
    expect(configFromEnv({ DEMO: '1' }, []).demo).toBe(true);
    expect(() => configFromEnv({}, ['--demoo'])).toThrow(/unknown option --demoo/);
  });

  const local = { demo: true, demoOnNetwork: false, trustProxy: false as const };

  it.each(['127.0.0.1', 'localhost', '::1'])('may listen on %s', (host) => {
    expect(demoModeProblem({ ...local, host })).toBeNull();
  });

  it.each(['0.0.0.0', '192.168.1.20', '::'])('refuses to listen on %s unless told so explicitly', (host) => {
    expect(demoModeProblem({ ...local, host })).toMatch(/refusing to start the demo mode.*--demo-on-network/);
    expect(demoModeProblem({ ...local, demoOnNetwork: true, host })).toBeNull();
    expect(demoModeProblem({ ...local, demo: false, host })).toBeNull();
  });

  it('refuses behind a proxy, and on a database that has accounts, even on 127.0.0.1', () => {
    expect(demoModeProblem({ ...local, host: '127.0.0.1', trustProxy: 1 })).toMatch(/behind a proxy/);
    expect(demoModeProblem({ ...local, host: '127.0.0.1' }, 2)).toMatch(/2 account\(s\)/);
    expect(demoModeProblem({ ...local, demo: false, host: '127.0.0.1', trustProxy: 1 }, 2)).toBeNull();
  });

  it('reads TRUST_PROXY as hops or proxy addresses, never as "believe everyone"', () => {
    expect(configFromEnv({}).trustProxy).toBe(false);
    expect(configFromEnv({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(configFromEnv({ TRUST_PROXY: 'yes' }).trustProxy).toBe(1);
    expect(configFromEnv({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(configFromEnv({ TRUST_PROXY: '127.0.0.1,10.0.0.0/8' }).trustProxy).toBe('127.0.0.1,10.0.0.0/8');
    expect(() => configFromEnv({ TRUST_PROXY: 'everyone' })).toThrow(/TRUST_PROXY must be/);
  });

  it.each([
    ['a request a proxy forwarded', { 'x-forwarded-for': '198.51.100.23' }, '127.0.0.1'],
    ['a request a proxy forwarded (RFC 7239)', { forwarded: 'for=198.51.100.23' }, '127.0.0.1'],
    ['a page of another site reaching this port (DNS rebinding)', { host: 'attacker.example:3000' }, '127.0.0.1'],
    ['a request from another machine', {}, '10.0.0.7'],
  ])('does not let %s act as the demo admin', async (_what, headers, remoteAddress) => {
    const t = await openTestApp({ demo: true });
    try {
      expect((await t.app.inject({ url: '/api/zones', headers, remoteAddress })).statusCode).toBe(401);
      expect((await t.app.inject({ url: '/api/zones' })).statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });

  it('makes no account and no token: they would outlive the demo', async () => {
    const t = await openTestApp({ demo: true });
    try {
      const res = await t.app.inject({ method: 'POST', url: '/api/accounts', payload: { username: 'sneaky', role: 'admin' } });
      expect(res.statusCode).toBe(403);
      expect(res.json().message).toMatch(/demo mode/);
      expect((await t.app.inject({ method: 'POST', url: '/api/accounts/1/tokens', payload: { name: 'x' } })).statusCode).toBe(403);
      expect((await t.app.inject({ method: 'PATCH', url: '/api/accounts/1', payload: { role: 'viewer' } })).statusCode).toBe(403);
      expect((await t.db.query(`SELECT 1 FROM accounts`)).length).toBe(0);
    } finally {
      await t.close();
    }
  });

  it('says so to the page, which shows its banner from this', async () => {
    const t = await openTestApp({ demo: true });
    try {
      expect((await t.app.inject({ url: '/api/session' })).json()).toEqual({ demo: true, account: null, role: 'admin', profile: 'internal' });
    } finally {
      await t.close();
    }
  });
});

describe('every answer', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp();
  });
  afterAll(() => t?.close());

  it('carries a Content-Security-Policy without inline script, and the other security headers', async () => {
    for (const url of ['/api/health', '/api/zones', '/api/no-such-route']) {
      const res = await t.app.inject({ url });
      const csp = String(res.headers['content-security-policy']);
      const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1];
      expect(scriptSrc, url).toBe("'self'");
      expect(csp).toMatch(/object-src 'none'/);
      expect(csp).toMatch(/frame-ancestors 'none'/);
      expect(csp).not.toMatch(/unsafe-eval/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
    }
  });

  it('tells caches not to keep API answers', async () => {
    expect((await t.app.inject({ url: '/api/zones' })).headers['cache-control']).toBe('no-store');
  });

  it('keeps stacks and SQL out of errors', async () => {
    const f = await openAuthFixture();
    try {
      const res = await f.app.inject({
        method: 'POST',
        url: '/api/zones',
        headers: { ...f.as('editor'), 'content-type': 'application/json' },
        payload: '{"type": "Feature", "geometry": ',
      });
      expect(res.statusCode).toBe(400);
      expect(res.body).not.toMatch(/at \w+ \(|node_modules|SELECT|INSERT/);
    } finally {
      await f.close();
    }
  });
});
