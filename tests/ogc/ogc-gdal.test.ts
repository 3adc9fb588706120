import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAYERS } from '../../server/layers/registry.js';
import { GDAL_INSTALL_HINT as INSTALL_HINT, gdal, gdalVersion as findGdal } from '../support/gdal.js';
import { openTestApp, type TestApp } from '../support/test-app.js';
import { openAuthFixture, type AuthFixture } from '../auth/auth-fixture.js';
import { createFeature } from '../../server/layers/layer-store.js';
import { seedDemo } from '../support/demo-seed.js';

/**
 * What a GIS user gets from the OGC API: GDAL's OAPIF driver (the one QGIS builds on) lists
 * the collections from the landing page and copies a layer page by page, following next links.
 */
const gdalVersion = await findGdal();
const hasOgr2ogr = gdalVersion !== null;

if (!(gdalVersion && hasOgr2ogr) && process.env.CI) {
  it('has GDAL for the OGC API interoperability tests', () => {
    throw new Error(`ogrinfo/ogr2ogr not found: the OGC API GDAL tests cannot run; ${INSTALL_HINT}`);
  });
} else if (!(gdalVersion && hasOgr2ogr)) {
  console.warn(`Skipping the OGC API GDAL tests: ogrinfo/ogr2ogr not found; ${INSTALL_HINT}.`);
  it.skip(`OGC API read by GDAL (skipped: ogrinfo/ogr2ogr not found; ${INSTALL_HINT})`, () => {});
} else {
  describe(`the OGC API read by GDAL's OAPIF driver (${gdalVersion})`, () => {
    let demo: TestApp;
    let ogc: string;
    let workDir: string;
    /** Paths of the item pages served, to see GDAL really page. */
    const itemRequests: string[] = [];
    const matched = async (layer: string, profile = 'public') => {
      const res = await fetch(`${ogc}/collections/${layer}/items?limit=1&profile=${profile}`);
      expect(res.status).toBe(200);
      return ((await res.json()) as { numberMatched: number }).numberMatched;
    };

    beforeAll(async () => {
      workDir = await mkdtemp(join(tmpdir(), 'riskmap-oapif-'));
      demo = await openTestApp();
      await seedDemo(demo.db);
      demo.app.addHook('onRequest', async (request) => {
        if (/\/items(\?|$)/.test(request.url)) itemRequests.push(request.url);
      });
      await demo.app.listen({ host: '127.0.0.1', port: 0 });
      ogc = `http://127.0.0.1:${(demo.app.server.address() as AddressInfo).port}/ogc`;
    });

    afterAll(async () => {
      await demo?.close();
      if (workDir) await rm(workDir, { recursive: true, force: true });
    });

    it('ogrinfo lists every collection, with its title, and counts each as the API does', async () => {
      // `1: zones (title: Artisanal mining zones (ZEA)) (Multi Polygon)`: a title may hold brackets.
      const { stdout, stderr } = await gdal('ogrinfo', ['-ro', '-so', `OAPIF:${ogc}`]);
      expect(stderr).not.toMatch(/ERROR/);
      const listed = [...stdout.matchAll(/^\d+: (\w+) \(title: (.*?)\)(?: \([^()]*\))?$/gm)].map((m) => [m[1], m[2]]);
      expect(listed).toEqual(Object.values(LAYERS).map((layer) => [layer.name, layer.title.en]));

      // -al reads each layer's first page: its feature count is the numberMatched GDAL found there.
      const all = (await gdal('ogrinfo', ['-ro', '-so', '-al', `OAPIF:${ogc}`])).stdout;
      const counts = new Map([...all.matchAll(/^Layer name: (\w+)[\s\S]*?^Feature Count: (\d+)$/gm)].map((m) => [m[1]!, Number(m[2])]));
      for (const layer of Object.keys(LAYERS)) expect(counts.get(layer), layer).toBe(await matched(layer));
    });

    it('ogr2ogr copies the sites, ten to a page, every one of them', async () => {
      const total = await matched('sites');
      expect(total).toBeGreaterThan(10 * 5);
      const out = join(workDir, 'sites.geojson');
      itemRequests.length = 0;
      // -preserve_fid: GDAL takes the API's integer ids as its FIDs, and writes them back as ids.
      await gdal('ogr2ogr', ['-f', 'GeoJSON', out, `OAPIF:${ogc}`, 'sites', '-oo', 'PAGE_SIZE=10', '-preserve_fid']);
      const copy = JSON.parse(await readFile(out, 'utf8')) as FeatureCollection;
      expect(copy.features).toHaveLength(total);
      const api = (await (await fetch(`${ogc}/collections/sites/items?limit=10000`)).json()) as FeatureCollection;
      const sorted = (features: FeatureCollection['features']) => features.map((f) => Number(f.id)).sort((a, b) => a - b);
      expect(sorted(copy.features)).toEqual(sorted(api.features));
      // It did follow the next links: one request per page of ten, not one big page.
      const pages = itemRequests.filter((url) => url.startsWith('/ogc/collections/sites/items') && /limit=10(&|$)/.test(url));
      expect(pages.length).toBeGreaterThanOrEqual(Math.ceil(total / 10));
      expect(pages.some((url) => url.includes('offset=100'))).toBe(true);
    });

    it('GDAL gets the public profile unless the URL names another, and keeps it across pages', async () => {
      const fields = async (url: string) => (await gdal('ogrinfo', ['-ro', '-so', url, 'incidents'])).stdout;
      const publicFields = await fields(`OAPIF:${ogc}`);
      expect(publicFields).toMatch(/^category: String/m);
      expect(publicFields).not.toMatch(/^(description|perpetrator_name|sources|notes): /m);

      const out = join(workDir, 'sites-partner.geojson');
      await gdal('ogr2ogr', ['-f', 'GeoJSON', out, `OAPIF:${ogc}?profile=partner`, 'sites', '-oo', 'PAGE_SIZE=25']);
      const copy = JSON.parse(await readFile(out, 'utf8')) as FeatureCollection;
      expect(copy.features).toHaveLength(await matched('sites', 'partner'));
      // A field the public profile does not have, on the last page as on the first.
      expect(copy.features.at(-1)!.properties).toHaveProperty('collectivite');
    });
  });

  describe('the OGC API read by GDAL with an API token, outside the demo mode', () => {
    let f: AuthFixture;
    let ogc: string;
    beforeAll(async () => {
      f = await openAuthFixture();
      await createFeature(f.db, LAYERS.presence, {
        geometry: { type: 'Point', coordinates: [28.7, -2.1] },
        properties: { actor_type: 'fardc', actor_name: 'Nom interne du commandant', valid_from: '2019-01-01', source: 'test' },
      });
      await f.app.listen({ host: '127.0.0.1', port: 0 });
      ogc = `http://127.0.0.1:${(f.app.server.address() as AddressInfo).port}/ogc`;
    });
    afterAll(() => f?.close());

    const withToken = (token: string) => ['--config', 'GDAL_HTTP_HEADERS', `Authorization: Bearer ${token}`];

    it('opens nothing without a token', async () => {
      await expect(gdal('ogrinfo', ['-ro', '-so', `OAPIF:${ogc}`])).rejects.toThrow(/401|Unauthorized|failed/);
    });

    it("reads a partner's layers with a partner token, through the partner profile at most", async () => {
      const { stdout } = await gdal('ogrinfo', [...withToken(f.tokens.partner), '-ro', '-al', `OAPIF:${ogc}?profile=partner`, 'presence']);
      expect(stdout).toMatch(/^Feature Count: 1$/m);
      expect(stdout).toMatch(/actor_type \(String\) = fardc/);
      expect(stdout).not.toContain('Nom interne du commandant');
      await expect(gdal('ogrinfo', [...withToken(f.tokens.partner), '-ro', '-so', `OAPIF:${ogc}?profile=working-group`])).rejects.toThrow(
        /403|Forbidden|failed/,
      );
      // The same request as a viewer does see the name: the check above can fail.
      const viewer = await gdal('ogrinfo', [...withToken(f.tokens.viewer), '-ro', '-al', `OAPIF:${ogc}?profile=working-group`, 'presence']);
      expect(viewer.stdout).toContain('Nom interne du commandant');
    });
  });
}
