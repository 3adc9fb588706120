import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { configFromEnv } from '../../server/config.js';
import { openAuthFixture, type AuthFixture } from '../auth/auth-fixture.js';

/**
 * Issue 16: the Host header is the client's to write; links must not repeat whatever it says.
 * In accounts mode, since the demo mode refuses other Hosts before anything (auth-hooks.ts).
 */
let f: AuthFixture;
beforeAll(async () => {
  f = await openAuthFixture();
});
afterAll(() => f?.close());
const as = (host: string) => ({ ...f.as('viewer'), host });

const OGC_PATHS = ['/ogc', '/ogc/collections', '/ogc/collections/zones', '/ogc/collections/zones/items', '/ogc/api'];

describe('OGC links', () => {
  it('refuse a Host that does not name this server, saying to set PUBLIC_URL, and never echo it in a link', async () => {
    for (const url of OGC_PATHS) {
      const res = await f.app.inject({ url, headers: as('evil.example') });
      expect(res.statusCode, url).toBe(421);
      expect(res.json().message).toMatch(/PUBLIC_URL/);
    }
  });

  it('are built from the Host when it names this machine', async () => {
    for (const host of ['localhost:3000', '127.0.0.1:3000', '[::1]:3000', '192.0.2.7']) {
      const res = await f.app.inject({ url: '/ogc', headers: as(host) });
      expect(res.statusCode, host).toBe(200);
      for (const link of res.json().links as Array<{ href: string }>) expect(link.href.startsWith(`http://${host}/ogc`), link.href).toBe(true);
    }
  });

  it('are built from PUBLIC_URL when it is set, whatever the Host says', async () => {
    const app = await buildApp({ db: f.db, webRoot: '/nonexistent', auth: { demo: false }, publicUrl: 'https://carte.example.org/risques' });
    try {
      for (const url of OGC_PATHS) {
        const res = await app.inject({ url, headers: as('evil.example') });
        expect(res.statusCode, url).toBe(200);
        expect(res.body, url).not.toContain('evil.example');
        expect(res.body, url).toContain('https://carte.example.org/risques/ogc');
      }
    } finally {
      await app.close();
    }
  });

  it('PUBLIC_URL must be a plain http(s) address', () => {
    expect(configFromEnv({ PUBLIC_URL: 'https://carte.example.org/' }).publicUrl).toBe('https://carte.example.org');
    expect(configFromEnv({}).publicUrl).toBeUndefined();
    for (const bad of ['carte.example.org', 'ftp://x.example', 'https://x.example/?a=1', 'https://u:p@x.example']) {
      expect(() => configFromEnv({ PUBLIC_URL: bad }), bad).toThrow(/PUBLIC_URL/);
    }
  });
});
