import type { FastifyInstance } from 'fastify';
import type { Geometry } from 'geojson';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeInBrowser, openMapPage, type MapPage } from './browser-harness.js';

/**
 * Records whose names and texts are markup and script, stored through the real API, then
 * shown by every part of the app that shows them: each must appear as the literal text it
 * is, and none may become an element, run, or open a dialog.
 */
const ZONE_NAME = `<img src=x onerror="window.__pwned=1;alert('zone')">`;
const COOP_A = '<script>window.__pwned=1</script>';
const COOP_B = `"><svg onload="window.__pwned=1;alert('coop')"><b>B</b>`;
const CLAIM_A = `<iframe src="javascript:window.__pwned=1"></iframe>`;
const CLAIM_B = `<a href="javascript:window.__pwned=1">cliquez</a>`;
const DESCRIPTION = `<b>gras</b><style>body{display:none}</style><img src=x onerror="window.__pwned=1">Incident décrit en HTML`;
const PERPETRATOR = '<marquee onstart="window.__pwned=1">auteur</marquee>';
const ACTOR = `<details open ontoggle="window.__pwned=1;alert('presence')">unité</details>`;
const SITE_NAME = `{{constructor.constructor('window.__pwned=1')()}}<img src=x onerror=alert(1)>`;

const PLACES = {
  overlap: [28.635, -2.215] as [number, number],
  incident: [28.68, -2.245] as [number, number],
  presence: [28.69, -2.19] as [number, number],
  site: [28.72, -2.21] as [number, number],
};

const box = (west: number, south: number, east: number, north: number): Geometry => ({
  type: 'Polygon',
  coordinates: [
    [
      [west, south],
      [east, south],
      [east, north],
      [west, north],
      [west, south],
    ],
  ],
});
const point = ([lon, lat]: [number, number]): Geometry => ({ type: 'Point', coordinates: [lon, lat] });

async function seed(app: FastifyInstance): Promise<{ zoneId: number }> {
  let n = 0;
  const post = async (layer: string, geometry: Geometry | null, properties: Record<string, unknown>) => {
    n += 1;
    const res = await app.inject({
      method: 'POST',
      url: `/api/${layer}`,
      payload: { type: 'Feature', geometry, properties: { source: 'script-names-test', source_id: `${layer}-${n}`, illustrative: true, ...properties } },
    });
    if (res.statusCode !== 201) throw new Error(`seeding ${layer} failed (${res.statusCode}): ${res.body}`);
    const created = res.json() as { id: number; properties: Record<string, unknown> };
    // The API keeps the text exactly as sent: nothing is "sanitised" on the way in, so the page must not trust it.
    for (const [key, value] of Object.entries(properties)) if (typeof value === 'string') expect(created.properties[key]).toBe(value);
    return created.id;
  };
  // In the working group's home province, where the priorities page opens (HOME_PROVINCE).
  const zoneId = await post('zones', box(28.595, -2.255, 28.665, -2.175), { code: 'ZEA-X1', name: ZONE_NAME, status: 'active', province: 'Sud-Kivu' });
  const a = await post('cooperatives', point([28.905, -2.095]), { name: COOP_A, legal_status: 'authorised' });
  const b = await post('cooperatives', null, { name: COOP_B, legal_status: 'unrecognised' });
  await post('claims', box(28.605, -2.245, 28.645, -2.2), {
    cooperative_id: a,
    zone_id: zoneId,
    name: CLAIM_A,
    basis: 'title',
    status: 'asserted',
    valid_from: '2018-09-01',
  });
  await post('claims', box(28.625, -2.23, 28.66, -2.185), {
    cooperative_id: b,
    zone_id: zoneId,
    name: CLAIM_B,
    basis: 'customary',
    status: 'disputed',
    valid_from: '2019-01-15',
  });
  await post('incidents', point(PLACES.incident), {
    occurred_on: '2019-03-10',
    category: 'extortion',
    perpetrator_type: 'fardc',
    perpetrator_name: PERPETRATOR,
    description: DESCRIPTION,
    verification: 'reported',
  });
  await post('presence', point(PLACES.presence), { actor_type: 'fardc', actor_name: ACTOR, confidence: 'medium', valid_from: '2019-01-01' });
  await post('sites', point(PLACES.site), { name: SITE_NAME, location_precision: 'gps' });
  return { zoneId };
}

/** Elements a payload would create; the app itself uses none of them where the data is shown. */
const PAYLOAD_SELECTOR =
  'img[src="x"], iframe, script:not([src]), marquee, a[href^="javascript"], [onerror], [onload], [ontoggle], [onstart], style:not([data-vite-dev-id])';
const PAYLOAD_TAGS_IN_DATA = 'img, iframe, script, style, marquee, b, a[href^="javascript"], details[ontoggle], svg[onload]';

describeInBrowser('names and texts made of markup and script, in Chromium', () => {
  let session: MapPage<{ zoneId: number }>;
  const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 45_000, interval: 100 });

  beforeAll(async () => {
    // Within the incident filter's default period (the twelve months up to the page's date) of the 2019 incident.
    session = await openMapPage({ seed, path: '/?date=2019-06-01' });
    // Report any script the payloads manage to run, even one that does not set the flag.
    await session.page.evaluate(() => {
      Object.defineProperty(window, '__pwned', {
        configurable: true,
        set() {
          console.error('PWNED: a payload ran');
        },
        get() {
          return undefined;
        },
      });
    });
  });

  afterAll(async () => {
    await session?.close();
  });

  /** Nothing ran, nothing was built from the data, nothing asked the user anything. */
  async function expectNothingRan(): Promise<void> {
    const { page } = session;
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await page.evaluate((selector) => [...document.querySelectorAll(selector)].map((e) => e.outerHTML.slice(0, 120)), PAYLOAD_SELECTOR)).toEqual([]);
    expect(await page.evaluate(() => getComputedStyle(document.body).display)).not.toBe('none');
    expect(session.dialogs).toEqual([]);
    expect(session.consoleErrors).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  }

  it('shows the names of both claims, their cooperatives and the zone in the popup as literal text', async () => {
    const { page } = session;
    await page.evaluate((center) => void window.__riskmap!.map.jumpTo({ center, zoom: 12 }), PLACES.overlap);
    await session.settle();
    await session.clickAt(PLACES.overlap);
    const popup = page.locator('.maplibregl-popup');
    await poll(() => popup.locator('.popup-record[data-layer="claims"]').count()).toBe(2);
    const text = (await popup.textContent()) ?? '';
    for (const literal of [CLAIM_A, CLAIM_B, COOP_A, COOP_B, ZONE_NAME]) expect(text, literal).toContain(literal);
    expect(await popup.locator(PAYLOAD_TAGS_IN_DATA).count()).toBe(0);
    await session.screenshot('script-names-popup.png');
    await expectNothingRan();
  });

  it('lists the contested zone and opens its details with the names as text', async () => {
    const { page } = session;
    const row = page.locator('#contested .contested-row').first();
    await poll(() => row.isVisible()).toBe(true);
    const claimants = (await row.locator('.contested-claimants').textContent()) ?? '';
    expect(claimants).toContain(COOP_A);
    expect(claimants).toContain(COOP_B);
    await row.click();
    const details = page.locator('#contested-details');
    await poll(() => details.locator('.claimant-name').count()).toBe(2);
    expect(await details.locator('.claimant-name').allTextContents()).toEqual(expect.arrayContaining([COOP_A, COOP_B]));
    const text = (await details.textContent()) ?? '';
    expect(text).toContain(CLAIM_A);
    expect(text).toContain(CLAIM_B);
    expect(text).toContain(ZONE_NAME);
    expect(await details.locator(PAYLOAD_TAGS_IN_DATA).count()).toBe(0);
    await session.screenshot('script-names-contested.png');
    await expectNothingRan();
  });

  it('shows an incident’s HTML description, its perpetrator, a presence and a site as text', async () => {
    const { page } = session;
    await page.keyboard.press('Escape');
    const popup = page.locator('.maplibregl-popup');
    for (const [place, layer, literals] of [
      [PLACES.incident, 'incidents', [DESCRIPTION, PERPETRATOR]],
      [PLACES.presence, 'presence', [ACTOR]],
      [PLACES.site, 'sites', [SITE_NAME]],
    ] as const) {
      await page.evaluate((center) => void window.__riskmap!.map.jumpTo({ center, zoom: 13 }), place);
      await session.settle();
      await session.clickAt(place);
      const record = popup.locator(`.popup-record[data-layer="${layer}"]`);
      await poll(() => record.count()).toBeGreaterThan(0);
      const text = (await record.first().textContent()) ?? '';
      for (const literal of literals) expect(text, `${layer}: ${literal}`).toContain(literal);
      expect(await popup.locator(PAYLOAD_TAGS_IN_DATA).count()).toBe(0);
      if (layer === 'incidents') await session.screenshot('script-names-incident.png');
      await page.keyboard.press('Escape');
    }
    await expectNothingRan();
  });

  it('shows the names literally in the administration’s change log', async () => {
    const { page, origin } = session;
    await page.goto(`${origin}/admin.html`);
    await page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
    const audit = page.locator('#audit');
    const text = (await audit.textContent()) ?? '';
    for (const literal of [ZONE_NAME, COOP_A, COOP_B, CLAIM_A, CLAIM_B, DESCRIPTION, PERPETRATOR, ACTOR, SITE_NAME]) expect(text, literal).toContain(literal);
    expect(await audit.locator(PAYLOAD_TAGS_IN_DATA).count()).toBe(0);
    await session.screenshot('script-names-admin.png');
    await expectNothingRan();
  });

  it('shows the zone’s name literally on the priorities page', async () => {
    const { page, origin } = session;
    await page.goto(`${origin}/priorities.html?date=2019-06-01`);
    await page.waitForFunction(() => window.__riskmap !== undefined);
    await page.evaluate(() => window.__riskmap!.ready);
    const table = page.locator('#ranking-table');
    await poll(() => table.textContent()).toContain(ZONE_NAME);
    expect(await table.locator(PAYLOAD_TAGS_IN_DATA).count()).toBe(0);
    await expectNothingRan();
    expect(session.outsideRequests).toEqual([]);
  });
});
