import { existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import type { Database } from '../../server/db/database.js';
import { openTestDatabase } from '../support/test-database.js';
import { seedBrowserFixture, type BrowserFixture } from './seed-browser-fixture.js';

/** Debian's Chromium; CHROMIUM_PATH points elsewhere on machines that keep it elsewhere. */
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const VITE_CONFIG = fileURLToPath(new URL('../../web/vite.config.ts', import.meta.url));
const SCREENSHOTS = fileURLToPath(new URL('../.artifacts/screenshots/', import.meta.url));
/** The layers the map draws at start (cooperatives are off until asked for). */
const DRAWN_LAYERS = ['zones', 'claims', 'routes', 'roadblocks', 'presence', 'incidents', 'sites'] as const;
const INSTALL_HINT = `install Chromium with \`apt-get install -y chromium\` (Debian) so that ${CHROMIUM} exists`;

const hasChromium = existsSync(CHROMIUM);

if (!hasChromium && process.env.CI) {
  // In CI a missing browser must not pass as a quiet skip.
  it('has Chromium for the browser tests', () => {
    throw new Error(`${CHROMIUM} not found: the browser tests cannot run; ${INSTALL_HINT}`);
  });
} else if (!hasChromium) {
  console.warn(`Skipping the browser tests: ${CHROMIUM} not found; ${INSTALL_HINT}.`);
  it.skip(`browser tests (skipped: ${CHROMIUM} not found; ${INSTALL_HINT})`, () => {});
} else {
  describe('the map page in Chromium', () => {
    const tempDirs: string[] = [];
    let db: Database;
    let app: FastifyInstance;
    let fixture: BrowserFixture;
    let origin: string;
    let context: BrowserContext;
    let page: Page;
    const consoleErrors: string[] = [];
    const pageErrors: string[] = [];
    const dialogs: string[] = [];
    const outsideRequests: string[] = [];
    const failedResponses: string[] = [];

    const tempDir = async (prefix: string) => {
      const dir = await mkdtemp(join(tmpdir(), prefix));
      tempDirs.push(dir);
      return dir;
    };

    /** Distinct records of an API layer drawn in the viewport, by the style layers of its source. */
    const renderedIds = (layers: readonly string[]) =>
      page.evaluate((names) => {
        const { map } = window.__riskmap!;
        const styleLayers = map.getStyle().layers;
        return Object.fromEntries(
          names.map((name) => {
            const ids = styleLayers.filter((l) => 'source' in l && l.source === name).map((l) => l.id);
            const features = ids.length ? map.queryRenderedFeatures({ layers: ids }) : [];
            return [name, [...new Set(features.map((f) => f.id))].length];
          }),
        );
      }, layers);

    /** Clicks the map where a coordinate is drawn. */
    const clickAt = async ([lon, lat]: [number, number]) => {
      const pixel = await page.evaluate(([x, y]) => window.__riskmap!.map.project([x, y]), [lon, lat] as [number, number]);
      const canvas = await page.locator('#map canvas.maplibregl-canvas').boundingBox();
      await page.mouse.click(canvas!.x + pixel.x, canvas!.y + pixel.y);
    };

    /** Waits until the map has drawn the last change; the repaint makes sure an 'idle' still comes. */
    const settle = () =>
      page.evaluate(async () => {
        const { map } = window.__riskmap!;
        const idle = map.once('idle');
        map.triggerRepaint();
        await idle;
      });

    const screenshot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, name) });

    beforeAll(async () => {
      mkdirSync(SCREENSHOTS, { recursive: true });
      const webRoot = await tempDir('riskmap-web-');
      await build({ configFile: VITE_CONFIG, mode: 'production', logLevel: 'warn', build: { outDir: webRoot, emptyOutDir: true } });

      db = await openTestDatabase();
      app = await buildApp({ db, webRoot });
      fixture = await seedBrowserFixture(app);
      await app.listen({ host: '127.0.0.1', port: 0 });
      origin = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

      context = await chromium.launchPersistentContext(await tempDir('riskmap-chromium-'), {
        executablePath: CHROMIUM,
        headless: true,
        args: CHROMIUM_ARGS,
        viewport: { width: 1280, height: 800 },
      });
      page = context.pages()[0] ?? (await context.newPage());
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(`${message.text()} (${message.location().url})`);
      });
      page.on('pageerror', (error) => pageErrors.push(error.stack ?? error.message));
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      page.on('request', (request) => {
        const url = request.url();
        if (!url.startsWith(`${origin}/`) && !/^(data|blob):/.test(url)) outsideRequests.push(url);
      });
      page.on('response', (response) => {
        if (response.status() >= 400) failedResponses.push(`${response.status()} ${response.url()}`);
      });

      await page.goto(`${origin}/`);
      await page.waitForFunction(() => window.__riskmap !== undefined);
      await page.evaluate(() => window.__riskmap!.ready);
    });

    afterAll(async () => {
      await context?.close();
      await app?.close();
      await db?.close();
      await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
    });

    it('loads with no console error, no page error and nothing fetched from outside the app', async () => {
      await screenshot('map-fr.png');
      expect(consoleErrors).toEqual([]);
      expect(pageErrors).toEqual([]);
      expect(failedResponses).toEqual([]);
      expect(outsideRequests).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    });

    it('draws features of every layer', async () => {
      const counts = await renderedIds(DRAWN_LAYERS);
      for (const layer of DRAWN_LAYERS) expect(counts[layer], `${layer} features drawn`).toBeGreaterThan(0);
    });

    it('shows the notice that illustrative records are not observed data', async () => {
      const notice = page.locator('#notice');
      await expect.poll(() => notice.isVisible()).toBe(true);
      expect(await notice.textContent()).toMatch(/illustratif/i);
    });

    it('has a legend whose checkboxes hide and show a layer', async () => {
      const toggle = page.getByRole('checkbox', { name: /Incidents/ });
      expect(await toggle.isChecked()).toBe(true);
      await toggle.uncheck();
      await settle();
      expect((await renderedIds(['incidents'])).incidents).toBe(0);
      await toggle.check();
      await settle();
      expect((await renderedIds(['incidents'])).incidents).toBeGreaterThan(0);
    });

    it('switches the legend, the page language and the map label to English', async () => {
      const legend = page.locator('#legend');
      const french = await legend.innerText();
      expect(french).toContain('Revendications des coopératives');

      await page.getByRole('button', { name: 'English' }).click();
      await expect.poll(() => legend.innerText()).not.toBe(french);
      const english = await legend.innerText();
      expect(english).toContain('Cooperative claims');
      expect(english).toContain('Authorised cooperative');
      expect(english).not.toContain('Revendications des coopératives');
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      expect(await page.locator('#map canvas').getAttribute('aria-label')).toMatch(/^Map\./);
      expect(await page.evaluate(() => localStorage.getItem('riskmap.lang'))).toBe('en');
      await screenshot('map-en.png');
    });

    it('opens a popup listing both claimants when the claim overlap is clicked', async () => {
      await clickAt(fixture.overlap.lngLat);
      const popup = page.locator('.maplibregl-popup');
      await popup.waitFor();
      expect(await popup.locator('.popup-record[data-layer="claims"]').count()).toBe(2);
      const text = await popup.innerText();
      for (const name of fixture.overlap.cooperativeNames) expect(text).toContain(name);
      expect(text).toContain('Illustrative');
      await screenshot('popup.png');
    });

    it('shows a name made of markup as literal text, creating no element from it', async () => {
      await clickAt(fixture.hostileName.lngLat);
      const popup = page.locator('.maplibregl-popup');
      await expect.poll(() => popup.locator(`.popup-record[data-layer="${fixture.hostileName.layer}"]`).count()).toBe(1);
      expect(await popup.locator('.popup-name').first().textContent()).toBe(fixture.hostileName.text);
      expect(await popup.locator('img').count()).toBe(0);
      expect(await page.evaluate(() => document.querySelectorAll('img[src="x"]').length)).toBe(0);
      expect(dialogs).toEqual([]);
      await screenshot('popup-hostile-name.png');
    });

    it('is usable from the keyboard: skip link to the map, Enter for details, Escape to close', async () => {
      await page.keyboard.press('Escape');
      const camera = await page.evaluate(() => {
        const { map } = window.__riskmap!;
        return { center: map.getCenter().toArray() as [number, number], zoom: map.getZoom() };
      });
      await page.evaluate((center) => window.__riskmap!.map.jumpTo({ center }), fixture.overlap.lngLat);

      await settle();
      // The skip link is the first stop of the tab order.
      expect(await page.evaluate(() => document.querySelector('a[href], button, input, [tabindex]')?.id)).toBe('skip-to-map');
      await page.locator('#skip-to-map').focus();
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.classList.contains('maplibregl-canvas'))).toBe(true);
      expect(await page.locator('#map canvas').getAttribute('tabindex')).toBe('0');

      await page.keyboard.press('Enter');
      const popup = page.locator('.maplibregl-popup');
      await expect.poll(() => popup.locator('.popup-record[data-layer="claims"]').count()).toBe(2);
      await page.keyboard.press('Escape');
      await expect.poll(() => popup.count()).toBe(0);
      expect(await page.evaluate(() => document.activeElement?.classList.contains('maplibregl-canvas'))).toBe(true);

      await page.evaluate((view) => window.__riskmap!.map.jumpTo(view), camera);
      await settle();
    });

    it('reloads every layer as of the date chosen', async () => {
      const date = '2019-05-01';
      const asked: string[] = [];
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (url.pathname.startsWith('/api/') && url.searchParams.get('date') === date) asked.push(url.pathname);
      });
      await page.locator('#as-of-date').fill(date);
      await expect.poll(() => page.locator('#status').getAttribute('data-state')).toBe('ready');
      await expect.poll(() => page.locator('#status').innerText()).toContain(date);
      expect(asked.sort()).toEqual(['/api/claims', '/api/cooperatives', '/api/incidents', '/api/presence', '/api/roadblocks', '/api/routes', '/api/sites', '/api/zones']);
      expect(new URL(page.url()).searchParams.get('date')).toBe(date);

      // The map shows what the API holds for that date, no more.
      const drawn = await renderedIds(['incidents', 'presence']);
      for (const layer of ['incidents', 'presence'] as const) {
        const res = await app.inject({ method: 'GET', url: `/api/${layer}?date=${date}` });
        expect(drawn[layer], `${layer} as of ${date}`).toBe(res.json().features.length);
      }
      await screenshot('map-2019-05-01.png');
      expect(consoleErrors).toEqual([]);
      expect(pageErrors).toEqual([]);
    });
  });
}
