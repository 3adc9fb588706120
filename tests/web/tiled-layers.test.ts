import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDemo } from '../support/demo-seed.js';
import { generateProvince } from '../../server/generate/synthetic-province.js';
import { describeInBrowser, openMapPage, type MapPage } from './browser-harness.js';

/**
 * Issue 13: a layer with more records than the page downloads is drawn from vector tiles,
 * says so on the page, counts crowded areas by cell, and still opens a record's details.
 * The demo data, plus 4 000 generated incidents over eastern DRC.
 */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 45_000, interval: 100 });
const SLOW_TEST = { timeout: 240_000 };

describeInBrowser('a layer drawn from tiles, in Chromium', () => {
  let session: MapPage<unknown>;
  const tileRequests: string[] = [];
  const layerRequests: Array<{ url: string; bytes: number }> = [];
  const contestedRequests: URL[] = [];

  beforeAll(async () => {
    session = await openMapPage({
      seed: async (_app, db) => {
        await seedDemo(db);
        await generateProvince(db, { seed: 13, claims: 0, cooperatives: 0, incidents: 4_000, sites: 0, visits: 0, presence: 0, routeKm: 0 });
      },
    });
    session.page.on('request', (req) => {
      const url = new URL(req.url());
      if (url.pathname === '/api/analysis/contested') contestedRequests.push(url);
    });
    session.page.on('response', async (res) => {
      const url = new URL(res.url());
      if (url.pathname.startsWith('/tiles/')) tileRequests.push(`${res.status()} ${url.pathname}`);
      if (url.pathname.startsWith('/api/incidents')) layerRequests.push({ url: url.pathname + url.search, bytes: (await res.body()).length });
    });
  }, SLOW_TEST.timeout);
  afterAll(() => session?.close());

  // First in the file: what was asked about is still what the first view asked.
  it('asks the analyses about the part of the map in view, and again when the map leaves it', SLOW_TEST, async () => {
    const bbox = (url: URL) => url.searchParams.get('bbox')!.split(',').map(Number) as [number, number, number, number];
    const asked = contestedRequests.length;
    // Far outside the first view's area (around Bitale): the analyses are asked again, about the new view and a margin.
    await session.page.evaluate(() => void window.__riskmap!.map.jumpTo({ center: [27.2, -4.2], zoom: 10 }));
    await poll(() => contestedRequests.length).toBeGreaterThan(asked);
    const [west, south, east, north] = bbox(contestedRequests.at(-1)!);
    const [[viewWest, viewSouth], [viewEast, viewNorth]] = await session.page.evaluate(() => window.__riskmap!.map.getBounds().toArray());
    expect(west).toBeLessThan(viewWest!);
    expect(south).toBeLessThan(viewSouth!);
    expect(east).toBeGreaterThan(viewEast!);
    expect(north).toBeGreaterThan(viewNorth!);
    // Not the province: about twice the view each way.
    expect(east - west).toBeLessThan(3 * (viewEast! - viewWest!));
    await session.settle();
    await poll(() => session.page.locator('.contested-summary').innerText()).toContain('dans cette partie de la carte');
    // A small move inside the area asks nothing more.
    const settled = contestedRequests.length;
    await session.page.evaluate(() => void window.__riskmap!.map.panBy([40, 0], { animate: false }));
    await session.settle();
    expect(contestedRequests.length).toBe(settled);
    // A view of the whole province is too wide to analyse at this scale: the list says to zoom in, and nothing is asked.
    await session.page.evaluate(() => void window.__riskmap!.map.jumpTo({ center: [28.5, -2.5], zoom: 6 }));
    await poll(() => session.page.locator('.contested-summary').innerText()).toContain('Rapprochez-vous');
    expect(contestedRequests.length).toBe(settled);
    // Zoomed in again, anywhere: asked again.
    await session.page.evaluate(() => void window.__riskmap!.map.jumpTo({ center: [28.87, -1.95], zoom: 10 }));
    await poll(() => contestedRequests.length).toBeGreaterThan(settled);
    await poll(() => session.page.locator('.contested-summary').innerText()).toContain('dans cette partie de la carte');
  });

  it('draws the incidents from tiles and says why on the page, in both languages', SLOW_TEST, async () => {
    await session.page.evaluate(() => window.__riskmap!.ready);
    const incidents = await session.page.evaluate(() => window.__riskmap!.map.getSource('incidents-tiles')?.type);
    expect(incidents).toBe('vector');
    // The small layers stay whole in the page.
    expect(await session.page.evaluate(() => window.__riskmap!.map.getSource('zones-tiles'))).toBeUndefined();
    await poll(() => session.page.locator('.notice-tiled').innerText()).toMatch(/Incidents \(4.?01\d\)/);
    expect(await session.page.locator('.notice-tiled').innerText()).toContain('tuiles');
    await session.page.click('#language-switch button[data-lang="en"]');
    await poll(() => session.page.locator('.notice-tiled').innerText()).toContain('tiles');
    await session.screenshot('tiled-incidents.png');
  });

  it('asks for tiles of what is in view, and no page of incidents over 1 500 records', SLOW_TEST, async () => {
    await session.page.evaluate(() => void window.__riskmap!.map.jumpTo({ center: [28.5, -2.5], zoom: 5 }));
    await session.settle();
    await poll(() => tileRequests.filter((r) => r.includes('/tiles/incidents/5/')).length).toBeGreaterThan(0);
    expect(tileRequests.every((r) => r.startsWith('200') || r.startsWith('304'))).toBe(true);
    const cells = await session.page.evaluate(() =>
      window.__riskmap!.map.queryRenderedFeatures({ layers: ['incidents-cells'] }).map((f) => Number(f.properties.cell_count)),
    );
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.reduce((a, b) => a + b, 0)).toBeGreaterThan(1_000);
    for (const request of layerRequests) expect(request.bytes, request.url).toBeLessThan(1_000_000);
  });

  it('says the incident chart cannot count them, rather than counting the few the page holds', async () => {
    const chart = session.page.locator('#incident-chart');
    // In the language an earlier test left the page in.
    await expect
      .poll(() => chart.innerText())
      .toMatch(/\d{4}-\d\d-\d\d(: too many for the page to count by month| : trop pour que la page les compte par mois)/);
    expect(await chart.getAttribute('data-total')).toBeNull();
    expect(await chart.locator('svg.incident-chart-svg').isVisible()).toBe(false);
  });

  it('opens a record drawn from a tile with its full details, fetched by id', SLOW_TEST, async () => {
    // Generated incidents span 2012–2025: all of history, not the default twelve months before today.
    await session.page.locator('#incident-window').selectOption('0');
    await session.settle();
    // Deep enough that no tile over the generated incidents is crowded.
    const target = await session.page.evaluate(async () => {
      const { map } = window.__riskmap!;
      const incident = (await (await fetch('/api/incidents?limit=1&offset=100')).json()).features[0];
      map.jumpTo({ center: incident.geometry.coordinates, zoom: 12 });
      return { id: incident.id as number, day: incident.properties.occurred_on as string, at: incident.geometry.coordinates as [number, number] };
    });
    await session.settle();
    const drawn = await session.page.evaluate(() =>
      window.__riskmap!.map.queryRenderedFeatures({ layers: ['incidents-symbol-tiles'] }).map((f) => Number(f.id)),
    );
    expect(drawn).toContain(target.id);
    await session.clickAt(target.at);
    // The day is in the record the API gives, not in what a tile needs for drawing... but tiles carry it too: the source line is the API's alone.
    await poll(() => session.page.locator('.feature-popup').innerText()).toContain(target.day);
    await session.screenshot('tiled-incident-popup.png');
  });
});
