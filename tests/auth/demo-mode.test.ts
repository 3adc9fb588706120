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

  it.each(['127.0.0.1', 'localhost', '::1'])('may listen on %s', (host) => {
    expect(demoModeProblem({ demo: true, demoOnNetwork: false, host })).toBeNull();
  });

  it.each(['0.0.0.0', '192.168.1.20', '::'])('refuses to listen on %s unless told so explicitly', (host) => {
    expect(demoModeProblem({ demo: true, demoOnNetwork: false, host })).toMatch(/refusing to start the demo mode.*--demo-on-network/);
    expect(demoModeProblem({ demo: true, demoOnNetwork: true, host })).toBeNull();
    expect(demoModeProblem({ demo: false, demoOnNetwork: false, host })).toBeNull();
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
      const res = await f.app.inject({ method: 'POST', url: '/api/zones', headers: { ...f.as('editor'), 'content-type': 'application/json' }, payload: '{"type": "Feature", "geometry": ' });
      expect(res.statusCode).toBe(400);
      expect(res.body).not.toMatch(/at \w+ \(|node_modules|SELECT|INSERT/);
    } finally {
      await f.close();
    }
  });
});
