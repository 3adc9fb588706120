import { bbox, featureCollection, intersect, pointOnFeature } from '@turf/turf';
import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import type { Feature, Geometry, MultiPolygon, Polygon } from 'geojson';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDemo } from '../support/demo-seed.js';
import { CONTEXT_LAYERS, DRAWN_LAYERS, describeInBrowser, openMapPage, type MapPage } from './browser-harness.js';

/**
 * The page opens on today by default, and today none of the demo's roadblocks holds (the last
 * one ends 2020-11-20). 2019-06-15 is the README's "occupation of the town": both Bitale
 * claims, the FARDC in the town, the FARDC roadblock and most of the abuses are in force.
 * The test checks through the API that this is so, rather than trusting the date.
 */
const DEMO_DATE = '2019-06-15';
/** The first day of the incident filter's default period on DEMO_DATE: the twelve months up to it (issue 14). */
const PERIOD_SINCE = '2018-06-16';

type ApiFeature = Feature<Geometry | null, Record<string, unknown>> & { id: number };
interface LayerInfo {
  name: string;
  title: { fr: string; en: string };
}

async function getJson<T>(app: FastifyInstance, url: string): Promise<T> {
  const res = await app.inject({ method: 'GET', url });
  if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

/** Every [lon, lat] of a geometry, whatever its type. */
function positions(geometry: Geometry | null): Array<[number, number]> {
  const flatten = (value: unknown): Array<[number, number]> =>
    Array.isArray(value) && typeof value[0] === 'number' ? [value as [number, number]] : Array.isArray(value) ? value.flatMap(flatten) : [];
  if (!geometry) return [];
  return geometry.type === 'GeometryCollection' ? geometry.geometries.flatMap(positions) : flatten(geometry.coordinates);
}

describeInBrowser('the map page on the demo data in Chromium', () => {
  let session: MapPage<void>;
  /** What the API holds in force on DEMO_DATE, layer by layer: what the page should show. */
  const inForce = new Map<string, ApiFeature[]>();
  let layers: LayerInfo[];
  /** What the page draws of a layer at first: everything in force, incidents of the default period only. */
  const shown = (layer: string) =>
    layer === 'incidents' ? inForce.get(layer)!.filter((f) => String(f.properties.occurred_on) >= PERIOD_SINCE) : inForce.get(layer)!;

  /** How many times the page asked each analysis, and whether it asked all three while the map's background was held back. */
  const analysisRequests = new Map<string, number>();
  let askedBeforeBackground = false;
  /** The background's files the hold caught: none would mean it held nothing back. */
  let heldFiles = 0;

  beforeAll(async () => {
    session = await openMapPage({
      seed: (_app, db) => seedDemo(db),
      path: `/?date=${DEMO_DATE}`,
      beforeOpen: (page) => holdBackgroundUntilAnalyses(page),
    });
    layers = await getJson<LayerInfo[]>(session.app, '/api/layers');
    for (const { name } of layers) {
      inForce.set(name, (await getJson<{ features: ApiFeature[] }>(session.app, `/api/${name}?date=${DEMO_DATE}&limit=10000`)).features);
    }
  });

  afterAll(async () => {
    await session?.close();
  });

  /**
   * MapLibre's `load` waits for the background's files: held back here until the page has asked
   * all three analyses (or for 15 s, when it does not), they show whether the analyses wait for
   * the map. They should not: the layers' answers say the page holds everything whole, and then
   * the analyses cover everything, which needs no map.
   */
  async function holdBackgroundUntilAnalyses(page: Page): Promise<void> {
    let release!: () => void;
    const asked = new Promise<void>((resolve) => (release = resolve));
    let held = true;
    page.on('request', (request) => {
      const analysis = /\/api\/analysis\/(contested|routes|permit-overlaps)\?/.exec(request.url())?.[1];
      if (!analysis) return;
      analysisRequests.set(analysis, (analysisRequests.get(analysis) ?? 0) + 1);
      if (analysisRequests.size === 3) {
        askedBeforeBackground = held;
        release();
      }
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const given = new Promise<void>((resolve) => (timer = setTimeout(resolve, 15_000))).then(() => {
      held = false;
    });
    await page.route('**/assets/ne_10m_*', async (route) => {
      heldFiles += 1;
      await Promise.race([asked, given]);
      clearTimeout(timer);
      await route.continue();
    });
  }

  it('asks the analyses with the layers, before the map has loaded, and each once', () => {
    expect(heldFiles, 'background files held back').toBeGreaterThan(0);
    expect(askedBeforeBackground).toBe(true);
    expect(Object.fromEntries(analysisRequests)).toEqual({ contested: 1, routes: 1, 'permit-overlaps': 1 });
  });

  it(`has the Bitale dispute in force on ${DEMO_DATE} (or the rest proves little)`, () => {
    for (const layer of DRAWN_LAYERS) expect(inForce.get(layer)?.length, `${layer} in force`).toBeGreaterThan(0);
    const bitale = (layer: string) => inForce.get(layer)!.filter((f) => String(f.properties.source_id).startsWith('bitale-'));
    // Both claims at once: the overlap is the dispute.
    expect(bitale('claims').length).toBe(2);
    expect(bitale('presence').length).toBeGreaterThan(0);
    expect(bitale('incidents').length).toBeGreaterThan(0);
  });

  it('loads with no console error, no page error and nothing fetched from outside the app', async () => {
    await session.screenshot('demo-map.png');
    expect(session.consoleErrors).toEqual([]);
    expect(session.pageErrors).toEqual([]);
    expect(session.failedResponses).toEqual([]);
    expect(session.outsideRequests).toEqual([]);
    expect(session.dialogs).toEqual([]);
  });

  it('opens on the date of the address and fits the map to everything drawn', async () => {
    const { page } = session;
    expect(await page.locator('#as-of-date').inputValue()).toBe(DEMO_DATE);
    // Shown as the ISO date it is, whatever the browser's locale (this Chromium's is en-US, whose date input says 06/15/2019).
    expect(await page.locator('#as-of-date').getAttribute('type')).toBe('text');
    expect(await page.locator('#as-of-date').getAttribute('placeholder')).toBe('AAAA-MM-JJ');
    expect(await page.locator('#as-of-date-picker').getAttribute('aria-label')).toBe('Choisir dans le calendrier');
    expect(await page.locator('#status').getAttribute('data-state')).toBe('ready');
    expect(await page.locator('#status').innerText()).toContain(DEMO_DATE);

    const all = DRAWN_LAYERS.flatMap((layer) => inForce.get(layer)!.flatMap((f) => positions(f.geometry)));
    const lons = all.map(([lon]) => lon);
    const lats = all.map(([, lat]) => lat);
    const [[west, south], [east, north]] = await page.evaluate(() => window.__riskmap!.map.getBounds().toArray());
    expect(west).toBeLessThanOrEqual(Math.min(...lons));
    expect(east).toBeGreaterThanOrEqual(Math.max(...lons));
    expect(south).toBeLessThanOrEqual(Math.min(...lats));
    expect(north).toBeGreaterThanOrEqual(Math.max(...lats));
    // Fitted, not just somewhere far out: the data spans at least a third of the view each way.
    expect((Math.max(...lons) - Math.min(...lons)) / (east - west)).toBeGreaterThan(1 / 3);
    expect((Math.max(...lats) - Math.min(...lats)) / (north - south)).toBeGreaterThan(1 / 3);
  });

  it('draws Lake Kivu, rivers and borders under the layers, named in French, from the app itself', async () => {
    const { page } = session;
    const drawn = await page.evaluate(() => {
      const { map } = window.__riskmap!;
      const names = (layer: string) => map.queryRenderedFeatures({ layers: [layer] }).map((f) => String(f.properties.name));
      return { lakes: names('ne-lakes-fill'), rivers: names('ne-rivers-line').length, order: map.getStyle().layers.map((l) => l.id) };
    });
    expect(drawn.lakes).toContain('Lake Kivu');
    expect(drawn.rivers).toBeGreaterThan(0);
    // Under every data layer: the background is drawn first.
    const firstData = Math.min(...['zones-fill', 'claims-fill', 'sites-circle', 'incidents-symbol'].map((id) => drawn.order.indexOf(id)).filter((i) => i >= 0));
    for (const id of ['ne-lakes-fill', 'ne-rivers-line', 'ne-borders-line', 'ne-lakes-label']) expect(drawn.order.indexOf(id), id).toBeLessThan(firstData);
    // The lake's own French name where the data has one (data/README.md).
    expect(JSON.stringify(await page.evaluate(() => window.__riskmap!.map.getLayoutProperty('ne-lakes-label', 'text-field')))).toContain('name_fr');
    expect(session.outsideRequests).toEqual([]);
    await session.screenshot('demo-map-background.png');
  });

  it('draws every record in force of every layer drawn at start', async () => {
    const drawn = await session.renderedIds(DRAWN_LAYERS);
    for (const layer of DRAWN_LAYERS) {
      expect(drawn[layer], `${layer} records drawn`).toBeGreaterThan(0);
      expect(drawn[layer], `${layer} records drawn`).toBe(shown(layer).length);
    }
  });

  it("lists every API layer in the legend, under the API's title, with the count shown", async () => {
    const legend = session.page.locator('#legend');
    expect(await legend.isVisible()).toBe(true);
    for (const { name, title } of layers) {
      const block = legend.locator(`.legend-layer[data-layer="${name}"]`);
      expect(await block.count(), `legend entry for ${name}`).toBe(1);
      expect(await block.isVisible(), `legend entry for ${name}`).toBe(true);
      expect(await block.locator('.legend-title').innerText()).toBe(title.fr);
      expect(await block.locator('input[type=checkbox]').isChecked(), `${name} ticked`).toBe(
        ([...DRAWN_LAYERS, ...CONTEXT_LAYERS] as readonly string[]).includes(name),
      );
      expect(await block.locator('.legend-count').innerText()).toBe(String(shown(name).length));
    }
  });

  it('says on the page how many illustrative records it shows', async () => {
    const illustrative = DRAWN_LAYERS.flatMap((layer) => shown(layer)).filter((f) => f.properties.illustrative === true).length;
    const total = DRAWN_LAYERS.reduce((n, layer) => n + shown(layer).length, 0);
    // The IPIS sites and CAMI zones are real: the count must tell them apart from the scenario.
    expect(illustrative).toBeGreaterThan(0);
    expect(illustrative).toBeLessThan(total);
    const notice = session.page.locator('#notice');
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.getAttribute('class')).toContain('has-illustrative');
    const title = await notice.locator('.notice-title').innerText();
    expect(title).toMatch(/illustrati/i);
    expect(title.match(/\d+/g)).toEqual([String(illustrative)]);
  });

  it('marks a Bitale incident as illustrative in its popup, and a real IPIS site not', async () => {
    const { page } = session;
    const popup = page.locator('.maplibregl-popup');
    const incident = shown('incidents').find((f) => String(f.properties.source_id).startsWith('bitale-inc-'))!;
    await session.clickAt(positions(incident.geometry)[0]!);
    const incidentRecord = popup.locator('.popup-record[data-layer="incidents"]').first();
    await incidentRecord.waitFor();
    expect(await incidentRecord.locator('.popup-illustrative').innerText()).toMatch(/illustrati/i);
    await session.screenshot('demo-map-popup.png');
    await page.keyboard.press('Escape');
    await expect.poll(() => popup.count()).toBe(0);

    const site = inForce.get('sites')!.find((f) => f.properties.illustrative !== true)!;
    expect(site.properties.source).toBe('ipis');
    await session.clickAt(positions(site.geometry)[0]!);
    const siteRecords = popup.locator('.popup-record[data-layer="sites"]');
    await siteRecords.first().waitFor();
    expect(await siteRecords.locator('.popup-illustrative').count()).toBe(0);
    await page.keyboard.press('Escape');
    expect(session.consoleErrors).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  });

  it('shows both Bitale claimants where their claims overlap, zoomed in on the dispute', async () => {
    const { page } = session;
    const claims = inForce.get('claims')!.filter((f) => String(f.properties.source_id).startsWith('bitale-claim-')) as Array<Feature<Polygon | MultiPolygon>>;
    const overlap = intersect(featureCollection(claims));
    expect(overlap, 'the two Bitale claims overlap').not.toBeNull();
    const [west, south, east, north] = bbox(featureCollection(claims));
    await page.evaluate((bounds) => void window.__riskmap!.map.fitBounds(bounds, { padding: 40, animate: false }), [
      [west, south],
      [east, north],
    ] as [[number, number], [number, number]]);
    await session.settle();
    await session.screenshot('demo-map-bitale.png');

    await session.clickAt(pointOnFeature(overlap!).geometry.coordinates as [number, number]);
    const popup = page.locator('.maplibregl-popup');
    await expect.poll(() => popup.locator('.popup-record[data-layer="claims"]').count()).toBe(2);
    const text = await popup.innerText();
    for (const claim of claims) expect(text).toContain(String(claim.properties!.cooperative_name));
    await page.keyboard.press('Escape');
    expect(session.consoleErrors).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  });
});
