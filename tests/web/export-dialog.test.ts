import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDemo } from '../support/demo-seed.js';
import { SENSITIVE_CATEGORIES } from '../../server/sharing/incident-coarsening.js';
import { ALLOWED_FIELDS } from '../../server/sharing/profiles.js';
import { SCREENSHOTS, describeInBrowser, openMapPage, type MapPage } from './browser-harness.js';

const DATE = '2019-06-15';
/** Partner coarsening adds these to what the allowlist names (incident-coarsening.ts). */
const COARSENING_FIELDS = ['location_precision', 'small_counts_suppressed'];

/** The machine is shared and loaded: long waits, which end as soon as the page is ready. */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 45_000, interval: 100 });
const SLOW_TEST = { timeout: 240_000 };

type ExportFile = FeatureCollection & { metadata: { profile: string; statement: string; filters: { layers: string[]; bbox: number[] | null } } };

describeInBrowser('the export dialog on the demo data in Chromium', () => {
  let session: MapPage<void>;
  const dialog = () => session.page.locator('#export-dialog');
  const count = () => session.page.locator('#export-count');
  const download = () => session.page.locator('#export-download');
  /** The dialog's download URL, as the page built it. */
  const exportHref = async () => new URL((await download().getAttribute('href'))!);

  beforeAll(async () => {
    session = await openMapPage({ seed: (_app, db) => seedDemo(db), path: `/?date=${DATE}` });
  });

  afterAll(async () => {
    await session?.close();
  });

  it('opens from the keyboard, counts incidents in view for partners as the server does, and downloads them coarsened', SLOW_TEST, async () => {
    const { page, app } = session;
    await page.locator('#export-open').focus();
    await page.keyboard.press('Enter');
    await poll(() => dialog().evaluate((d: HTMLDialogElement) => d.open)).toBe(true);
    // Modal: the focus went into the dialog.
    expect(await page.evaluate(() => document.getElementById('export-dialog')!.contains(document.activeElement))).toBe(true);

    // Incidents only, in the map's view, for a partner, as GeoJSON (the last three are the defaults).
    for (const box of await dialog().locator('input[name="layers"]').all()) {
      await box.setChecked((await box.getAttribute('value')) === 'incidents');
    }
    await dialog().locator('input[name="area"][value="view"]').check();
    expect(await dialog().locator('input[name="profile"][value="partner"]').isChecked(), 'partner is preselected').toBe(true);
    await dialog().locator('input[name="format"][value="geojson"]').check();

    await poll(async () => (await download().getAttribute('href')) ?? '').toContain('layers=incidents&');
    await poll(() => count().getAttribute('data-state')).toBe('ready');
    const href = await exportHref();
    expect(href.pathname).toBe('/api/export');
    expect(href.searchParams.get('layers')).toBe('incidents');
    expect(href.searchParams.get('profile')).toBe('partner');
    expect(href.searchParams.get('format')).toBe('geojson');
    // The bbox is the map's view to 5 decimals.
    const bounds = await page.evaluate(() => window.__riskmap!.map.getBounds().toArray().flat());
    const bbox = href.searchParams.get('bbox')!.split(',').map(Number);
    expect(bbox).toHaveLength(4);
    bbox.forEach((value, i) => expect(Math.abs(value - bounds[i]!)).toBeLessThanOrEqual(0.000005));

    // The count shown is the server's for the very parameters of the download.
    const res = await app.inject({ method: 'GET', url: `/api/export/count${href.search}` });
    expect(res.statusCode).toBe(200);
    const expected = res.json() as { profile: string; counts: Record<string, number>; total: number };
    expect(expected.profile).toBe('partner');
    expect(expected.total, 'the demo has incidents in view').toBeGreaterThan(1);
    expect(await count().getAttribute('data-total')).toBe(String(expected.total));
    expect(await count().innerText()).toBe(`${expected.total} éléments seront exportés`);
    await session.screenshot('export-dialog.png');

    const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), download().click()]);
    // Named after the day the map shows, not the day the file was made.
    expect(file.suggestedFilename()).toBe(`riskmap-incidents-partner-${DATE}.geojson`);
    const body = JSON.parse(await readFile((await file.path())!, 'utf8')) as ExportFile;
    expect(body.type).toBe('FeatureCollection');
    expect(body.metadata.profile).toBe('partner');
    expect(body.metadata.statement).toMatch(/No data is not no incidents/);
    expect(body.metadata.filters.layers).toEqual(['incidents']);
    expect(body.metadata.filters.bbox).toEqual(bbox);
    expect(body.features).toHaveLength(expected.total);

    const allowed = new Set([...ALLOWED_FIELDS.incidents.partner, ...COARSENING_FIELDS]);
    // The words beside a code (readable-labels.ts) say what the code says, no more.
    const isAllowed = (key: string) => allowed.has(key) || (key.endsWith('_label') && allowed.has(key.slice(0, -'_label'.length)));
    const outside = body.features.flatMap((f) => Object.keys(f.properties ?? {}).filter((key) => !isAllowed(key)));
    // In the page's language (French by default).
    expect(body.features.some((f) => typeof f.properties?.category_label === 'string' && f.properties.category_label !== f.properties.category)).toBe(true);
    expect(outside, 'properties outside the partner allowlist').toEqual([]);
    const sensitive = body.features.filter((f) => (SENSITIVE_CATEGORIES as readonly string[]).includes(String(f.properties?.category)));
    expect(sensitive.length, 'the demo has sensitive incidents in view').toBeGreaterThan(0);
    for (const feature of sensitive) expect(String(feature.properties?.location_precision), `incident ${feature.id}`).toContain('grid');

    expect(session.consoleErrors).toEqual([]);
    expect(session.pageErrors).toEqual([]);
    expect(session.failedResponses).toEqual([]);
    expect(session.outsideRequests).toEqual([]);
  });

  it('exports what the map shows on 2019-07-25 in its view: the records in force that day, the incidents of its period', SLOW_TEST, async () => {
    const { page, app } = session;
    await page.keyboard.press('Escape');
    const day = '2019-07-25';
    await page.locator('#as-of-date').fill(day);
    await poll(() => page.locator('#status').innerText()).toContain(day);
    await session.settle();
    await page.locator('#export-open').click();
    await poll(() => dialog().evaluate((d: HTMLDialogElement) => d.open)).toBe(true);
    expect(await dialog().locator('input[name="dates"][value="map"]').isChecked(), 'as on the map, by default').toBe(true);
    expect(await dialog().innerText()).toContain(`Comme la carte : situation au ${day}, incidents des 365 derniers jours`);
    for (const box of await dialog().locator('input[name="layers"]').all()) await box.setChecked(true);
    await dialog().locator('input[name="profile"][value="internal"]').check();
    await poll(async () => (await download().getAttribute('href')) ?? '').toContain('profile=internal');
    await poll(() => count().getAttribute('data-state')).toBe('ready');
    const href = await exportHref();
    expect(href.searchParams.get('as_of')).toBe(day);
    expect(href.searchParams.get('incident_days')).toBe('365');
    expect(href.searchParams.get('from')).toBeNull();
    const bbox = href.searchParams.get('bbox')!;

    // Layer by layer, the file the dialog's URL gives against what the map loads for that day and view.
    let total = 0;
    for (const layer of ['zones', 'claims', 'presence', 'incidents', 'routes', 'roadblocks', 'sites', 'permits']) {
      const query = new URLSearchParams(href.search);
      query.set('layers', layer);
      const exported = (await app.inject({ url: `/api/export?${query}` })).json() as FeatureCollection;
      const shown = ((await app.inject({ url: `/api/${layer}?date=${day}&bbox=${bbox}&limit=10000` })).json() as FeatureCollection).features.filter(
        (f) => layer !== 'incidents' || String(f.properties!.occurred_on) >= '2018-07-26',
      );
      expect({ layer, ids: exported.features.map((f) => f.id).sort() }).toEqual({ layer, ids: shown.map((f) => f.id).sort() });
      total += shown.length;
    }
    expect(total).toBeGreaterThan(10);
    await session.screenshot('export-dialog-as-map.png');
    await page.keyboard.press('Escape');
  });

  it('says the count in English after the switch and closes on Escape, handing the focus back', SLOW_TEST, async () => {
    const { page } = session;
    await page.keyboard.press('Escape');
    await poll(() => dialog().evaluate((d: HTMLDialogElement) => d.open)).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('export-open');

    await page.getByRole('button', { name: 'English' }).click();
    await page.locator('#export-open').focus();
    await page.keyboard.press('Enter');
    await poll(() => dialog().evaluate((d: HTMLDialogElement) => d.open)).toBe(true);
    await poll(() => count().getAttribute('data-state')).toBe('ready');
    const total = await count().getAttribute('data-total');
    expect(await count().innerText()).toBe(`${total} records will be exported`);
    expect(await dialog().innerText()).toContain('Donors, NGOs, certifiers');
    await session.screenshot('export-dialog-en.png');
    await page.keyboard.press('Escape');
    await poll(() => dialog().evaluate((d: HTMLDialogElement) => d.open)).toBe(false);
    await page.getByRole('button', { name: 'Français' }).click();
  });

  it("shows the server's refusal as text and offers no download", SLOW_TEST, async () => {
    const { page } = session;
    await page.locator('#export-open').click();
    await poll(() => dialog().evaluate((d: HTMLDialogElement) => d.open)).toBe(true);
    await dialog().locator('input[name="dates"][value="range"]').check();
    await page.locator('#export-from').fill('2019-06-30');
    await page.locator('#export-to').fill('2019-06-01');
    await poll(() => count().getAttribute('data-state')).toBe('error');
    expect(await count().innerText()).toBe('Export impossible : to must not be before from');
    expect(await download().getAttribute('href')).toBeNull();
    expect(await download().getAttribute('aria-disabled')).toBe('true');
    await page.locator('#export-dialog').screenshot({ path: join(SCREENSHOTS, 'export-dialog-error.png') });

    // No layer: nothing to ask the server.
    await page.locator('#export-to').fill('');
    await poll(() => count().getAttribute('data-state')).toBe('ready');
    for (const box of await dialog().locator('input[name="layers"]').all()) await box.setChecked(false);
    await poll(() => count().innerText()).toBe('Choisissez au moins une couche.');
    expect(await download().getAttribute('href')).toBeNull();
    expect(session.pageErrors).toEqual([]);
  });
});
