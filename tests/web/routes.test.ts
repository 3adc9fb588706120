import { join } from 'node:path';
import type { Feature, LineString } from 'geojson';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDemo } from '../support/demo-seed.js';
import { SCREENSHOTS, describeInBrowser, openMapPage, type MapPage } from './browser-harness.js';

/** FARDC installed near Bitale, clashes nearby: the Bitale–Kalehe route is militarised. */
const DATE = '2019-06-15';
/** After the army left: the same route is clear. */
const LATER = '2020-01-15';
const ROUTE_NAME = 'Bitale – Kalehe (illustrative)';
const ROUTE_LAYERS = ['militarised-routes-casing', 'militarised-routes-line'];
const PRESENCE_LAYERS = ['presence-area-fill', 'presence-area-line', 'presence-symbol'];

interface Segment extends Feature<LineString> {
  properties: {
    route_id: number;
    route_name: string;
    militarised: boolean;
    rules: string[];
    evidence: Array<{ rule: string; why: string; facts: { kind: string; distance_m: number } }>;
  };
}
interface RoutesAnswer {
  features: Segment[];
  routes: Array<{ route_id: number; name: string; militarised_km: number }>;
}

/** The machine is shared with other suites: long waits, which end as soon as the page is ready. */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 45_000, interval: 100 });
const SLOW_TEST = { timeout: 240_000 };

describeInBrowser('militarised routes and the presence filter on the demo data in Chromium', () => {
  let session: MapPage<void>;
  /** The view the page opened at, fitted to the data. */
  let opening: { center: [number, number]; zoom: number };

  const api = async (date: string) => (await session.app.inject({ method: 'GET', url: `/api/analysis/routes?date=${date}` })).json() as RoutesAnswer;
  /** Distinct militarised segments drawn in the viewport, by route id. */
  const drawnSegments = () =>
    session.page.evaluate((layers) => {
      const features = window.__riskmap!.map.queryRenderedFeatures({ layers });
      const byRoute: Record<number, number[]> = {};
      for (const f of features) (byRoute[f.properties.route_id as number] ??= []).push(Number(f.id));
      return Object.fromEntries(Object.entries(byRoute).map(([route, ids]) => [route, new Set(ids).size]));
    }, ROUTE_LAYERS);
  /** Distinct presence records drawn in the viewport, with their actor types. */
  const drawnPresence = () =>
    session.page.evaluate((layers) => {
      const features = window.__riskmap!.map.queryRenderedFeatures({ layers });
      return [...new Map(features.map((f) => [f.id, String(f.properties.actor_type)])).values()];
    }, PRESENCE_LAYERS);
  const setDate = async (date: string) => {
    await session.page.locator('#as-of-date').fill(date);
    await poll(() => session.page.locator('#status').innerText()).toContain(date);
    await session.settle();
  };

  beforeAll(async () => {
    session = await openMapPage({ seed: (_app, db) => seedDemo(db), path: `/?date=${DATE}` });
    opening = await session.page.evaluate(() => {
      const { map } = window.__riskmap!;
      return { center: map.getCenter().toArray() as [number, number], zoom: map.getZoom() };
    });
  });

  afterAll(async () => {
    await session?.close();
  });

  it(`draws the militarised segments of ${ROUTE_NAME} on ${DATE} and explains one on click`, SLOW_TEST, async () => {
    const { page } = session;
    const answer = await api(DATE);
    const route = answer.routes.find((r) => r.name === ROUTE_NAME)!;
    expect(route, 'the demo has the route').toBeDefined();
    expect(route.militarised_km).toBeGreaterThan(0);
    const expected = answer.features.filter((f) => f.properties.route_id === route.route_id && f.properties.militarised);
    expect(expected.length).toBeGreaterThan(0);

    await session.settle();
    const drawn = await drawnSegments();
    expect(drawn[route.route_id] ?? 0, 'militarised segments of the route drawn').toBeGreaterThan(0);
    expect(drawn[route.route_id]).toBeLessThanOrEqual(expected.length);
    const allMilitarised = answer.features.filter((f) => f.properties.militarised).length;
    expect(await page.locator('.legend-layer[data-layer="militarised-routes"] .legend-count').innerText()).toBe(String(allMilitarised));
    expect(await page.locator('#legend').innerText()).toContain('Routes militarisées (analyse)');
    await session.screenshot('routes-overview.png');
    const viewport = page.viewportSize()!;
    await page.setViewportSize({ width: viewport.width, height: 2200 });
    await page.locator('.legend-layer[data-layer="militarised-routes"]').screenshot({ path: join(SCREENSHOTS, 'routes-legend.png') });
    await page.setViewportSize(viewport);
    await session.settle();

    // Click a vertex in the middle of a militarised segment.
    const segment = expected[Math.floor(expected.length / 2)]!;
    const coords = segment.geometry.coordinates;
    await page.evaluate((c) => void window.__riskmap!.map.jumpTo({ center: c as [number, number], zoom: 13 }), coords[Math.floor(coords.length / 2)]!);
    await session.settle();
    const target = await page.evaluate((layers) => {
      const { map } = window.__riskmap!;
      const canvas = map.getCanvas();
      const [x, y] = [canvas.clientWidth / 2, canvas.clientHeight / 2];
      for (let r = 0; r <= 10; r += 2)
        for (const [dx, dy] of [
          [0, 0],
          [r, 0],
          [-r, 0],
          [0, r],
          [0, -r],
        ] as const)
          if (map.queryRenderedFeatures([x + dx, y + dy], { layers }).length) return map.unproject([x + dx, y + dy]).toArray() as [number, number];
      return null;
    }, ROUTE_LAYERS);
    expect(target, 'a pixel of the segment').not.toBeNull();
    await session.clickAt(target!);
    const record = page.locator('.maplibregl-popup .route-risk-record').first();
    await record.waitFor({ timeout: 45_000 });
    const text = await record.innerText();
    expect(text).toContain(ROUTE_NAME);
    // Every piece of evidence of some militarised segment of the route, in French (issue 14): its
    // distance in the page's words, never the server's English sentence.
    const shown = expected.find((f) => f.properties.evidence.every((e) => text.includes(`à ${e.facts.distance_m.toLocaleString('fr-FR')} m`)));
    expect(shown, `the popup lists a segment's evidence:\n${text}`).toBeDefined();
    for (const evidence of shown!.properties.evidence) expect(text).not.toContain(evidence.why);
    expect(text).not.toMatch(/ m away|seen on/);
    expect(text).toContain(`Règles déclenchées : ${shown!.properties.rules.join(', ')}`);
    await session.screenshot('routes-popup.png');
    await page.keyboard.press('Escape');
    await poll(() => page.locator('.maplibregl-popup').count()).toBe(0);
  });

  it(`filters the presence layer to the PMH alone, from the keyboard (FARDC only on ${DATE})`, SLOW_TEST, async () => {
    const { page } = session;
    await page.evaluate((view) => void window.__riskmap!.map.jumpTo(view), opening);
    await session.settle();
    const before = await drawnPresence();
    // The demo's presence on the date: the FARDC camp near Bitale, no PMH yet (they come on 2019-09-01).
    expect(before).toContain('fardc');

    await page.locator('#presence-filter .presence-filter-none').focus();
    await page.keyboard.press('Enter');
    await session.settle();
    expect(await drawnPresence()).toEqual([]);
    const pmh = page.locator('#presence-filter input[value="pmh"]');
    await pmh.focus();
    await page.keyboard.press('Space');
    expect(await pmh.isChecked()).toBe(true);
    await session.settle();
    const after = await drawnPresence();
    expect(after.every((type) => type === 'pmh')).toBe(true);
    expect(after.length).toBeLessThan(before.length);
    // Ticking the FARDC brings their presence back: the filter selects, it does not blank the layer.
    const fardc = page.locator('#presence-filter input[value="fardc"]');
    await fardc.focus();
    await page.keyboard.press('Space');
    await session.settle();
    expect(await drawnPresence()).toContain('fardc');
    await page.keyboard.press('Space');
    await session.settle();
    expect((await drawnPresence()).every((type) => type === 'pmh')).toBe(true);
    expect(await page.locator('#presence-filter').innerText()).toContain('PMH (Police des mines)');
    await session.screenshot('routes-presence-pmh.png');
  });

  it(`clears the route's militarised segments on ${LATER}, as the API says`, SLOW_TEST, async () => {
    const { page } = session;
    const answer = await api(LATER);
    const route = answer.routes.find((r) => r.name === ROUTE_NAME)!;
    expect(route.militarised_km).toBe(0);
    await page.evaluate((view) => void window.__riskmap!.map.jumpTo(view), opening);
    await setDate(LATER);
    const drawn = await drawnSegments();
    expect(drawn[route.route_id] ?? 0).toBe(0);
    // Other routes follow their own answer.
    for (const other of answer.routes.filter((r) => r.militarised_km === 0)) expect(drawn[other.route_id] ?? 0, other.name).toBe(0);
    const allMilitarised = answer.features.filter((f) => f.properties.militarised).length;
    expect(await page.locator('.legend-layer[data-layer="militarised-routes"] .legend-count').innerText()).toBe(String(allMilitarised));
    // The filter holds across the date change; on this date the PMH are there, and drawn.
    const presence = await drawnPresence();
    expect(presence.length).toBeGreaterThan(0);
    expect(new Set(presence)).toEqual(new Set(['pmh']));
    await session.screenshot(`routes-${LATER}.png`);
    expect(session.consoleErrors).toEqual([]);
    expect(session.pageErrors).toEqual([]);
    expect(session.failedResponses).toEqual([]);
    expect(session.outsideRequests).toEqual([]);
  });

  it('draws a ZEA’s encroachment on an industrial title (R12) on 2010-06-01 and names the holder in its popup', SLOW_TEST, async () => {
    const { page } = session;
    const answer = (await session.app.inject({ method: 'GET', url: '/api/analysis/permit-overlaps?date=2010-06-01' })).json() as {
      features: Array<{ geometry: { coordinates: number[][][][] }; properties: { label: string; holders: string[] } }>;
    };
    expect(answer.features.length, 'the demo has one (ZEA-005 on a research permit)').toBeGreaterThan(0);
    await setDate('2010-06-01');
    expect(await page.locator('.legend-layer[data-layer="permit-overlaps"] .legend-count').innerText()).toBe(String(answer.features.length));
    const [overlap] = answer.features;
    const ring = overlap!.geometry.coordinates[0]![0]!;
    const [lon, lat] = [ring.reduce((s, p) => s + p[0]!, 0) / ring.length, ring.reduce((s, p) => s + p[1]!, 0) / ring.length];
    await page.evaluate((c) => void window.__riskmap!.map.jumpTo({ center: c, zoom: 12 }), [lon, lat] as [number, number]);
    await session.settle();
    const target = await page.evaluate(() => {
      const { map } = window.__riskmap!;
      const canvas = map.getCanvas();
      for (let y = 100; y < canvas.clientHeight - 100; y += 10)
        for (let x = 100; x < canvas.clientWidth - 100; x += 10)
          if (map.queryRenderedFeatures([x, y], { layers: ['permit-overlaps-fill'] }).length) return map.unproject([x, y]).toArray() as [number, number];
      return null;
    });
    expect(target, 'a pixel of the encroachment').not.toBeNull();
    await session.clickAt(target!);
    const record = page.locator('.maplibregl-popup .permit-overlap-record').first();
    await record.waitFor({ timeout: 45_000 });
    const text = await record.innerText();
    expect(text).toContain(overlap!.properties.label);
    for (const holder of overlap!.properties.holders) expect(text).toContain(holder);
    await session.screenshot('permit-overlap-popup.png');
    await page.keyboard.press('Escape');
  });
});
