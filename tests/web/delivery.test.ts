import { readdirSync, readFileSync } from 'node:fs';
import { testLogger } from '../support/test-logger.js';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import type { Database } from '../../server/db/database.js';
import { seedDemo } from '../support/demo-seed.js';
import { openTestDatabase } from '../support/test-database.js';
import { tileAt } from '../support/decode-tile.js';

/** Issue 13, delivery: what a slow link gets of the built app and of the API. */
const webRoot = inject('webRoot');
let db: Database;
let app: Awaited<ReturnType<typeof buildApp>>;
beforeAll(async () => {
  db = await openTestDatabase();
  await seedDemo(db);
  app = await buildApp({ db, webRoot, logger: testLogger(), auth: { demo: true } });
});
afterAll(async () => {
  await app?.close();
  await db?.close();
});

/** The map page's largest script: MapLibre and what shares its chunk. */
function largestScript(): string {
  const scripts = readdirSync(join(webRoot, 'assets')).filter((name) => name.endsWith('.js'));
  return scripts.sort((a, b) => readFileSync(join(webRoot, 'assets', b)).length - readFileSync(join(webRoot, 'assets', a)).length)[0]!;
}

describe('the built app', () => {
  it('sends a script compressed with brotli, or gzip, as built, and cached for a year as immutable', async () => {
    const name = largestScript();
    const original = readFileSync(join(webRoot, 'assets', name));
    const br = await app.inject({ method: 'GET', url: `/assets/${name}`, headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.rawPayload.length).toBeLessThan(original.length / 3);
    expect(brotliDecompressSync(br.rawPayload).equals(original)).toBe(true);

    const gz = await app.inject({ method: 'GET', url: `/assets/${name}`, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).equals(original)).toBe(true);

    const plain = await app.inject({ method: 'GET', url: `/assets/${name}` });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.equals(original)).toBe(true);
  });

  it('has the pages revalidated on every visit, so a new build shows at once', async () => {
    const page = await app.inject({ method: 'GET', url: '/index.html', headers: { 'accept-encoding': 'br' } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
  });
});

describe('API answers', () => {
  it('are compressed where the client accepts it, and never cached', async () => {
    const plain = await app.inject({ method: 'GET', url: '/api/sites' });
    const br = await app.inject({ method: 'GET', url: '/api/sites', headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString('utf8'))).toEqual(plain.json());
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 4);
  });

  it('include tiles, which keep their ETag and private cache', async () => {
    // The mining titles around Kalehe: a tile large enough to be worth compressing.
    const tile = tileAt(28.8, -2.0, 8);
    const url = `/tiles/permits/${tile.z}/${tile.x}/${tile.y}.mvt`;
    const plain = await app.inject({ method: 'GET', url });
    expect(plain.rawPayload.length).toBeGreaterThan(1024);
    const gz = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers.etag).toBe(plain.headers.etag);
    expect(gz.headers['cache-control']).toMatch(/^private/);
    expect(gz.headers.vary).toMatch(/cookie/i);
    expect(gz.headers.vary).toMatch(/accept-encoding/i);
    expect(gunzipSync(gz.rawPayload).equals(plain.rawPayload)).toBe(true);
    // Brotli too; the tile was kept by the first request, so it leaves as it was compressed once.
    const br = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip;q=0.5, br' } });
    expect([br.headers['content-encoding'], br.headers['x-tile-cache']]).toEqual(['br', 'hit']);
    expect(brotliDecompressSync(br.rawPayload).equals(plain.rawPayload)).toBe(true);
    // Nothing compressed for a caller that accepts no encoding.
    const identity = await app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'identity' } });
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.rawPayload.equals(plain.rawPayload)).toBe(true);
  });
});
