import { join } from 'node:path';
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, LineString, MultiPolygon, Point, Polygon } from 'geojson';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createAccount } from '../../server/auth/accounts.js';
import { seedDemo } from '../support/demo-seed.js';
import { SCREENSHOTS, describeInBrowser, openMapPage, type MapPage } from './browser-harness.js';

/**
 * The Bitale story as of mid-August 2019: clashes in the mining area, then months of abuses in
 * the town, a militarised road. Twelve months back from here reach September 2018.
 */
const DATE = '2019-08-15';
/** The page's default period: the twelve months up to its date (issue 14), from 2018-08-16 here. */
const DEFAULT_SINCE = '2018-08-16';
const inDefaultPeriod = (f: Incident) => f.properties.occurred_on >= DEFAULT_SINCE;
/** Where the test records its incident: inside ZEA 799, south of the town, away from every point. */
const PLACE: [number, number] = [28.64, -2.236];
const SUB_CATEGORY = 'Taxe de passage (test du navigateur)';
/** The town of the Bitale story, where most of its abuses are recorded. */
const TOWN: [number, number] = [28.6562, -2.2029];
const VIEWER = { username: 'victor', password: 'a viewer reads but does not write' };

type Incident = Feature<Point, { occurred_on: string; category: string; verification: string; sub_category: string | null }> & { id: number };
type Area = Feature<Polygon | MultiPolygon, Record<string, unknown>> & { id: number };

/** The machine is shared with other suites: long waits, which end as soon as the page is ready. */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 45_000, interval: 100 });
const SLOW_TEST = { timeout: 240_000 };

/** The YYYY-MM of the twelve months ending with `date`'s, counted here independently of the page. */
function lastTwelveMonths(date: string): string[] {
  const end = new Date(`${date.slice(0, 7)}-01T00:00:00Z`);
  return Array.from({ length: 12 }, (_, i) => {
    const d = new Date(end);
    d.setUTCMonth(d.getUTCMonth() - (11 - i));
    return d.toISOString().slice(0, 7);
  });
}

/** Incidents per month of the last twelve months inside an area, as the chart should count them. */
function expectedMonths(incidents: Incident[], area: Polygon | MultiPolygon): Record<string, number> {
  const months = Object.fromEntries(lastTwelveMonths(DATE).map((m) => [m, 0]));
  for (const incident of incidents) {
    const month = incident.properties.occurred_on.slice(0, 7);
    if (month in months && incident.properties.occurred_on <= DATE && booleanPointInPolygon(incident.geometry.coordinates, area)) months[month]! += 1;
  }
  return months;
}

describeInBrowser('incidents on the demo data in Chromium: editor, filters, chart, routes at low zoom', () => {
  let session: MapPage<void>;
  let opening: { center: [number, number]; zoom: number };
  let savedId: number;

  const form = () => session.page.locator('#incident-editor-form');
  const legendCount = (layer: string) => session.page.locator(`.legend-layer[data-layer="${layer}"] .legend-count`).innerText();
  const incidentsAsOf = async () =>
    ((await session.app.inject({ method: 'GET', url: `/api/incidents?date=${DATE}&limit=10000` })).json() as { features: Incident[] }).features;
  /** Distinct incidents drawn in the viewport. */
  const drawnIncidents = () =>
    session.page.evaluate(() => {
      const { map } = window.__riskmap!;
      return [...new Set(map.queryRenderedFeatures({ layers: ['incidents-symbol'] }).map((f) => Number(f.id)))];
    });
  const backToOpening = async () => {
    await session.page.evaluate((view) => void window.__riskmap!.map.jumpTo(view), opening);
    await session.settle();
  };
  /** The browser's resource errors for the 400 the editor provokes on purpose are not faults of the page. */
  const unexpectedConsoleErrors = () => session.consoleErrors.filter((e) => !/status of 400/.test(e));

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

  it('places an incident from the keyboard at the map’s centre, and Escape leaves nothing behind', SLOW_TEST, async () => {
    const { page } = session;
    await page.evaluate(() => void window.__riskmap!.map.jumpTo({ center: [28.7, -2.25], zoom: 12 }));
    await session.settle();
    await page.getByRole('button', { name: 'Signaler un incident' }).click();
    await poll(() => form().isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('maplibregl-canvas'))).toBe(true);
    expect(await page.locator('#map canvas').getAttribute('aria-label')).toMatch(/Espace/);
    await page.keyboard.press('Space');
    expect(Number(await page.locator('#incident-lon').inputValue())).toBeCloseTo(28.7, 5);
    expect(Number(await page.locator('#incident-lat').inputValue())).toBeCloseTo(-2.25, 5);
    expect(await form().locator('.editor-progress').innerText()).toContain('Incident placé en 28,7');
    // Placing hands on to the form.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('incident-occurred-on');
    expect(await page.locator('#incident-occurred-on').inputValue()).toBe(DATE);
    await page.keyboard.press('Escape');
    await poll(() => form().isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('new-incident');
    // The draft source is emptied in MapLibre's worker: the map sees it a frame or more later.
    await poll(() => page.evaluate(() => window.__riskmap!.map.querySourceFeatures('incident-draft').length)).toBe(0);
    expect(await page.locator('#map canvas').getAttribute('aria-label')).toMatch(/^Carte\./);
  });

  it('records an incident clicked on the map: it is in the database, counted only, and drawn', SLOW_TEST, async () => {
    const { page, db } = session;
    const before = (await incidentsAsOf()).length;
    const shownBefore = (await incidentsAsOf()).filter(inDefaultPeriod).length;
    await page.evaluate((center) => void window.__riskmap!.map.jumpTo({ center, zoom: 13 }), PLACE);
    await session.settle();
    await page.getByRole('button', { name: 'Signaler un incident' }).click();
    await poll(() => form().isVisible()).toBe(true);
    await session.clickAt(PLACE);
    // A click while placing places the incident; it opens no popup.
    expect(await page.locator('.maplibregl-popup').count()).toBe(0);
    expect(Number(await page.locator('#incident-lon').inputValue())).toBeCloseTo(PLACE[0], 3);
    expect(Number(await page.locator('#incident-lat').inputValue())).toBeCloseTo(PLACE[1], 3);

    // The choices are the server's vocabulary, in French.
    const categories = await page.locator('#incident-category option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect(categories).toContain('sexual_violence');
    expect(categories).toHaveLength(12);
    await page.getByLabel('Date', { exact: true }).fill('2019-08-10');
    await page.getByLabel('Précision de la date').selectOption({ label: 'semaine connue' });
    await page.locator('#incident-category').selectOption({ label: 'extorsion' });
    await page.getByLabel('Sous-catégorie').fill(SUB_CATEGORY);
    await page.getByLabel('Type d’auteur').selectOption('fardc');
    await page.getByLabel('Victimes', { exact: true }).fill('4');
    await page.getByLabel('Tués', { exact: true }).fill('0');
    await page.getByLabel('Blessés', { exact: true }).fill('1');
    await page.getByLabel('Précision géographique').selectOption({ label: 'à proximité' });
    await page.getByRole('button', { name: 'Ajouter une source' }).click();
    // The new source's type takes the focus; its controls say which source they belong to.
    expect(await page.evaluate(() => document.activeElement?.id)).toMatch(/^incident-source-type-/);
    await page.getByLabel('Source 1 : type').selectOption({ label: 'société civile' });
    await page.getByLabel('Source 1 : référence (facultative)').fill('Rapport de suivi n° 7');
    await page.locator('#incident-verification').selectOption('corroborated');
    await page.locator('#incident-follow-up').selectOption('open');
    await page.locator('#incident-description').fill('Péage imposé aux creuseurs, décrit par le test.');
    expect(await form().innerText()).toContain('jamais de noms');
    await page.setViewportSize({ width: 1280, height: 1500 });
    await page.locator('#incident-editor').screenshot({ path: join(SCREENSHOTS, 'incidents-editor-form.png') });
    await page.setViewportSize({ width: 1280, height: 800 });

    await page.locator('#incident-save').click();
    await poll(() => page.locator('#incident-editor .editor-message').innerText()).toMatch(/Incident n° \d+ enregistré/);
    savedId = Number(/n° (\d+)/.exec(await page.locator('#incident-editor .editor-message').innerText())![1]);
    expect(await form().isVisible()).toBe(false);

    const [row] = await db.query<Record<string, unknown>>(
      `SELECT occurred_on::text, time_precision, category, sub_category, perpetrator_type, victims, killed, injured, geo_precision,
              sources, verification, follow_up, description, ST_X(geom) AS lon, ST_Y(geom) AS lat
       FROM incidents WHERE id = $1`,
      [savedId],
    );
    expect(row, 'the incident is in the database').toBeDefined();
    expect(row).toMatchObject({
      occurred_on: '2019-08-10',
      time_precision: 2,
      category: 'extortion',
      sub_category: SUB_CATEGORY,
      perpetrator_type: 'fardc',
      victims: 4,
      killed: 0,
      injured: 1,
      geo_precision: 2,
      sources: [{ type: 'civil_society', reference: 'Rapport de suivi n° 7' }],
      verification: 'corroborated',
      follow_up: 'open',
      description: 'Péage imposé aux creuseurs, décrit par le test.',
    });
    expect(Number(row!.lon)).toBeCloseTo(PLACE[0], 3);
    expect(Number(row!.lat)).toBeCloseTo(PLACE[1], 3);
    expect((await incidentsAsOf()).length).toBe(before + 1);

    // The layer reloads: the new incident is drawn where it was clicked, and counted.
    await poll(() => page.locator('#status').getAttribute('data-state')).toBe('ready');
    await session.settle();
    await poll(drawnIncidents).toContain(savedId);
    expect(await legendCount('incidents')).toBe(String(shownBefore + 1));
    await session.screenshot('incidents-saved.png');
  });

  it('changes the incident from its popup, and shows the server’s refusal of a count in words', SLOW_TEST, async () => {
    const { page, db } = session;
    const patches: Array<{ properties: Record<string, unknown>; geometry?: unknown }> = [];
    const recordPatch = (request: import('playwright-core').Request) => {
      if (request.method() === 'PATCH') patches.push(request.postDataJSON());
    };
    page.on('request', recordPatch);
    await page.evaluate((center) => void window.__riskmap!.map.jumpTo({ center, zoom: 13 }), PLACE);
    await session.settle();
    await session.clickAt(PLACE);
    const record = page.locator(`.maplibregl-popup .popup-record[data-layer="incidents"]`);
    await poll(() => record.count()).toBeGreaterThan(0);
    await record.getByRole('button', { name: 'Modifier cet incident' }).click();
    await poll(() => form().isVisible()).toBe(true);
    expect(await page.locator('#incident-editor-title').innerText()).toBe(`Modifier l’incident n° ${savedId}`);
    expect(await page.locator('.maplibregl-popup').count()).toBe(0);
    expect(await page.locator('#incident-category').inputValue()).toBe('extortion');
    expect(await page.locator('#incident-victims').inputValue()).toBe('4');
    expect(await page.getByLabel('Source 1 : référence (facultative)').inputValue()).toBe('Rapport de suivi n° 7');

    // More than the server takes: the browser sends it, the server refuses, the form says why.
    await page.getByLabel('Tués', { exact: true }).fill('20000000');
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    const error = form().locator('.editor-error');
    await poll(() => error.isVisible()).toBe(true);
    const text = await error.innerText();
    expect(text.split('\n')[0]).toMatch(/^Refusé par le serveur : « Tués » doit valoir au plus 10\s000\s000$/);
    // The server's own message, word for word, for whoever is asked for help.
    expect(text).toContain('body/properties/killed must be <= 10000000');
    expect(await page.locator('#incident-killed').getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('incident-killed');
    await page.setViewportSize({ width: 1280, height: 1500 });
    await page.locator('#incident-editor').screenshot({ path: join(SCREENSHOTS, 'incidents-refused.png') });
    await page.setViewportSize({ width: 1280, height: 800 });
    const [unchanged] = await db.query<{ killed: number }>('SELECT killed FROM incidents WHERE id = $1', [savedId]);
    expect(unchanged!.killed).toBe(0);

    await page.getByLabel('Tués', { exact: true }).fill('2');
    await page.locator('#incident-verification').selectOption('verified');
    await page.getByRole('button', { name: 'Enregistrer les modifications' }).click();
    await poll(() => page.locator('#incident-editor .editor-message').innerText()).toContain(`Incident n° ${savedId} modifié`);
    const [changed] = await db.query<Record<string, unknown>>(
      'SELECT killed, verification, victims, category, ST_X(geom) AS lon FROM incidents WHERE id = $1',
      [savedId],
    );
    expect(changed).toMatchObject({ killed: 2, verification: 'verified', victims: 4, category: 'extortion' });
    expect(Number(changed!.lon)).toBeCloseTo(PLACE[0], 3);
    // Only what changed is sent: a field the form merely showed is left as the server has it.
    page.off('request', recordPatch);
    expect(patches.map((p) => Object.keys(p.properties).sort())).toEqual([['killed'], ['killed', 'verification']]);
    expect(patches.some((p) => 'geometry' in p)).toBe(false);
    expect(session.failedResponses.map((r) => r.replace(/^(\d+) .*\/api\//, '$1 /api/'))).toEqual([`400 /api/incidents/${savedId}`]);
  });

  it('filters the incidents by category, verification and period; the legend counts what is drawn', SLOW_TEST, async () => {
    const { page } = session;
    await backToOpening();
    const everything = await incidentsAsOf();
    const all = everything.filter(inDefaultPeriod);
    await poll(drawnIncidents).toHaveLength(all.length);
    expect(await legendCount('incidents')).toBe(String(all.length));
    const filter = page.locator('#incident-filter');
    expect(await filter.innerText()).toContain(`Incidents survenus du ${DEFAULT_SINCE} au ${DATE}.`);

    await filter.getByRole('button', { name: 'Aucune', exact: true }).click();
    await session.settle();
    expect(await drawnIncidents()).toEqual([]);
    expect(await legendCount('incidents')).toBe('0');
    await filter.getByLabel('extorsion', { exact: true }).check();
    await session.settle();
    const extortion = all.filter((f) => f.properties.category === 'extortion');
    expect(extortion.length).toBeGreaterThan(1);
    expect((await drawnIncidents()).sort()).toEqual(extortion.map((f) => f.id).sort());
    expect(await legendCount('incidents')).toBe(String(extortion.length));

    await filter.getByLabel('signalé', { exact: true }).uncheck();
    await session.settle();
    const checked = extortion.filter((f) => f.properties.verification !== 'reported');
    expect(checked.length).toBeLessThan(extortion.length);
    expect((await drawnIncidents()).sort()).toEqual(checked.map((f) => f.id).sort());
    expect(await legendCount('incidents')).toBe(String(checked.length));
    expect(await page.locator('#status').innerText()).toMatch(/^\d+ éléments affichés/);

    // The last 90 days before the map's date: from 2019-05-18.
    await filter.getByLabel('Période').selectOption({ label: '90 derniers jours' });
    await session.settle();
    const recent = checked.filter((f) => f.properties.occurred_on >= '2019-05-18');
    expect(recent.length).toBeLessThan(checked.length);
    expect((await drawnIncidents()).sort()).toEqual(recent.map((f) => f.id).sort());
    expect(await legendCount('incidents')).toBe(String(recent.length));
    expect(await filter.innerText()).toContain('Incidents survenus du 2019-05-18 au 2019-08-15.');
    await page.setViewportSize({ width: 1280, height: 1600 });
    await session.screenshot('incidents-filtered.png');
    await page.setViewportSize({ width: 1280, height: 800 });

    await filter.getByRole('button', { name: 'Toutes', exact: true }).click();
    await filter.getByRole('button', { name: 'Tous', exact: true }).click();
    await filter.getByLabel('Période').selectOption({ label: 'Tout l’historique' });
    await session.settle();
    expect(await drawnIncidents()).toHaveLength(everything.length);
    expect(await legendCount('incidents')).toBe(String(everything.length));
    await filter.getByLabel('Période').selectOption({ label: '365 derniers jours' });
    await session.settle();
    expect(await drawnIncidents()).toHaveLength(all.length);

    // The presence filter's count follows it too.
    const presence = (
      (await session.app.inject({ method: 'GET', url: `/api/presence?date=${DATE}` })).json() as { features: Array<{ properties: { actor_type: string } }> }
    ).features;
    expect(await legendCount('presence')).toBe(String(presence.length));
    await page.locator('#presence-filter .presence-filter-none').click();
    expect(await legendCount('presence')).toBe('0');
    await page.locator('#presence-filter input[value="fardc"]').check();
    expect(await legendCount('presence')).toBe(String(presence.filter((p) => p.properties.actor_type === 'fardc').length));
    await page.locator('#presence-filter .presence-filter-all').click();
    expect(await legendCount('presence')).toBe(String(presence.length));
  });

  it('charts the incidents per month of a ZEA, of a contested zone and of the view', SLOW_TEST, async () => {
    const { page, app } = session;
    await backToOpening();
    const chart = page.locator('#incident-chart');
    const incidents = await incidentsAsOf();
    const zones = ((await app.inject({ method: 'GET', url: `/api/zones?date=${DATE}` })).json() as { features: Area[] }).features;
    const zea = zones.find((z) => String(z.properties.code).startsWith('ZEA-798'))!;
    const expected = expectedMonths(incidents, zea.geometry);
    const total = Object.values(expected).reduce((a, b) => a + b, 0);
    expect(total, 'the demo has incidents in ZEA 798 in the twelve months').toBeGreaterThan(3);

    // Somewhere in ZEA 798 where nothing else is drawn: a click there picks the ZEA.
    await page.evaluate((center) => void window.__riskmap!.map.jumpTo({ center, zoom: 12 }), [28.635, -2.2] as [number, number]);
    await session.settle();
    const spot = await page.evaluate((zoneId) => {
      const { map } = window.__riskmap!;
      const canvas = map.getCanvas();
      const others = map
        .getStyle()
        .layers.map((l) => l.id)
        .filter((id) => id !== 'zones-fill' && id !== 'background' && !id.startsWith('places'));
      for (let y = 20; y < canvas.clientHeight - 20; y += 15)
        for (let x = 20; x < canvas.clientWidth - 20; x += 15) {
          const here = map.queryRenderedFeatures([x, y]);
          if (here.some((f) => f.layer.id === 'zones-fill' && f.id === zoneId) && !here.some((f) => others.includes(f.layer.id)))
            return map.unproject([x, y]).toArray() as [number, number];
        }
      return null;
    }, zea.id);
    expect(spot, 'a bare pixel of ZEA 798').not.toBeNull();
    await session.clickAt(spot!);
    await poll(() => chart.locator('.incident-chart-area').innerText()).toContain('ZEA-798');
    await poll(() => chart.getAttribute('data-total')).toBe(String(total));
    const bars = await chart
      .locator('.incident-chart-bar')
      .evaluateAll((gs) => Object.fromEntries(gs.map((g) => [g.getAttribute('data-month'), Number(g.getAttribute('data-count'))])));
    expect(bars).toEqual(expected);
    const rows = await chart
      .locator('tbody tr')
      .evaluateAll((trs) =>
        Object.fromEntries(trs.map((tr) => [(tr as HTMLElement).dataset.month, Number(tr.querySelector('.incident-chart-row-total')!.textContent)])),
      );
    expect(rows).toEqual(expected);
    expect(await chart.locator('.incident-chart-summary').innerText()).toContain(`${total} incidents de sept. 2018 à août 2019`);
    expect(await chart.locator('svg.incident-chart-svg').getAttribute('role')).toBe('img');
    expect(await chart.locator('svg.incident-chart-svg').getAttribute('aria-labelledby')).toBe('incident-chart-title incident-chart-summary');
    await page.keyboard.press('Escape');
    await chart.locator('details summary').click();
    await page.setViewportSize({ width: 1280, height: 1400 });
    await chart.screenshot({ path: join(SCREENSHOTS, 'incidents-chart-zea.png') });
    await page.setViewportSize({ width: 1280, height: 800 });
    await chart.locator('details summary').click();

    // A category filtered out of the map is filtered out of the chart.
    const clashes = incidents.filter((f) => f.properties.category === 'armed_clash');
    const clashesInChart = Object.values(expectedMonths(clashes, zea.geometry)).reduce((a, b) => a + b, 0);
    expect(clashesInChart).toBeGreaterThan(0);
    await page.locator('#incident-filter').getByLabel('affrontement armé').uncheck();
    await poll(() => chart.getAttribute('data-total')).toBe(String(total - clashesInChart));
    await page.locator('#incident-filter').getByLabel('affrontement armé').check();
    await poll(() => chart.getAttribute('data-total')).toBe(String(total));

    // The contested zone, from its marker or area.
    const contested = (
      (await app.inject({ method: 'GET', url: `/api/analysis/contested?date=${DATE}` })).json() as {
        features: Array<Area & { properties: { label: [number, number] } }>;
      }
    ).features;
    expect(contested).toHaveLength(1);
    await page.evaluate((center) => void window.__riskmap!.map.jumpTo({ center, zoom: 12 }), contested[0]!.properties.label);
    await session.settle();
    await session.clickAt(contested[0]!.properties.label);
    await poll(() => chart.locator('.incident-chart-area').innerText()).toMatch(/^Zone contestée : .+ contre .+/);
    const inContested = Object.values(expectedMonths(incidents, contested[0]!.geometry)).reduce((a, b) => a + b, 0);
    await poll(() => chart.getAttribute('data-total')).toBe(String(inContested));
    expect(inContested).toBeLessThan(total);
    await page.keyboard.press('Escape');

    // Back to the view: every incident of the twelve months in the opening view.
    await chart.getByRole('button', { name: 'Revenir à la vue de la carte' }).click();
    await backToOpening();
    await poll(() => chart.locator('.incident-chart-area').innerText()).toBe('Zone : vue actuelle de la carte');
    const inView = incidents.filter((f) => f.properties.occurred_on >= '2018-09-01').length;
    await poll(() => chart.getAttribute('data-total')).toBe(String(inView));

    await page.getByRole('button', { name: 'English' }).click();
    await poll(() => chart.locator('.incident-chart-heading').innerText()).toBe('Incidents per month');
    expect(await chart.locator('.incident-chart-summary').innerText()).toMatch(new RegExp(`^${inView} incidents from Sept? 2018 to Aug 2019`));
    await chart.screenshot({ path: join(SCREENSHOTS, 'incidents-chart-view-en.png') });
    await page.getByRole('button', { name: 'Français' }).click();
    await poll(() => chart.locator('.incident-chart-heading').innerText()).toBe('Incidents par mois');
  });

  it('draws the militarised segments at the opening zoom with a wide halo, and keeps them dashed closer in', SLOW_TEST, async () => {
    const { page, app } = session;
    const answer = (await app.inject({ method: 'GET', url: `/api/analysis/routes?date=${DATE}` })).json() as {
      features: Array<Feature<LineString, { militarised: boolean }>>;
    };
    const militarised = answer.features.filter((f) => f.properties.militarised);
    expect(militarised.length).toBeGreaterThan(0);
    const middle = militarised[Math.floor(militarised.length / 2)]!.geometry.coordinates[0]!;
    /** How far from the segment, in pixels, the overlay still answers a query. */
    const reach = (zoom: number) =>
      page.evaluate(
        async ({ centre, zoom }) => {
          const { map } = window.__riskmap!;
          map.jumpTo({ center: centre as [number, number], zoom });
          const idle = map.once('idle');
          map.triggerRepaint();
          await idle;
          const { x, y } = map.project(centre as [number, number]);
          const layers = ['militarised-routes-halo', 'militarised-routes-casing', 'militarised-routes-line'];
          let farthest = -1;
          for (let d = 0; d <= 40; d += 2) if (map.queryRenderedFeatures([x, y - d], { layers }).length) farthest = d;
          return farthest;
        },
        { centre: middle, zoom },
      );
    const atOpening = await reach(9);
    const closeIn = await reach(14);
    expect(atOpening, 'the overlay reaches well beyond a 5-pixel line at zoom 9').toBeGreaterThanOrEqual(14);
    expect(closeIn).toBeGreaterThanOrEqual(2);
    expect(closeIn).toBeLessThan(atOpening);
    await page.evaluate((centre) => void window.__riskmap!.map.jumpTo({ center: centre as [number, number], zoom: 9 }), middle);
    await session.settle();
    const canvas = await page.locator('#map canvas').boundingBox();
    await page.screenshot({
      path: join(SCREENSHOTS, 'incidents-routes-zoom9.png'),
      clip: { x: canvas!.x + canvas!.width / 2 - 200, y: canvas!.y + canvas!.height / 2 - 150, width: 400, height: 300 },
    });
    expect(unexpectedConsoleErrors()).toEqual([]);
    expect(session.pageErrors).toEqual([]);
    expect(session.outsideRequests).toEqual([]);
  });
});

describeInBrowser('incidents for a viewer (accounts mode) in Chromium', () => {
  let session: MapPage<null>;

  beforeAll(async () => {
    session = await openMapPage({
      demo: false,
      signIn: VIEWER,
      path: `/?date=${DATE}`,
      seed: async (_app, db) => {
        await seedDemo(db);
        await createAccount(db, { username: VIEWER.username, role: 'viewer', password: VIEWER.password, display_name: 'Victor (test)' });
        return null;
      },
    });
  });

  afterAll(async () => {
    await session?.close();
  });

  it('offers a viewer no incident or claim editor, in the panel or in a popup; the filters and the chart still serve', SLOW_TEST, async () => {
    const { page } = session;
    expect(
      await page.evaluate(() =>
        fetch('api/session')
          .then((r) => r.json())
          .then((s: { role: string }) => s.role),
      ),
    ).toBe('viewer');
    expect(await page.locator('#new-incident').isVisible()).toBe(false);
    expect(await page.locator('#draw-claim').isVisible()).toBe(false);
    await page.evaluate((center) => void window.__riskmap!.map.jumpTo({ center, zoom: 14 }), TOWN);
    await session.settle();
    await session.clickAt(TOWN);
    const records = page.locator('.maplibregl-popup .popup-record[data-layer="incidents"]');
    await poll(() => records.count()).toBeGreaterThan(0);
    expect(await page.locator('.maplibregl-popup .popup-edit').count()).toBe(0);
    await page.keyboard.press('Escape');
    await poll(() => page.locator('#incident-chart').getAttribute('data-total')).not.toBe('0');
    await page.locator('#incident-filter').getByRole('button', { name: 'Aucune', exact: true }).click();
    await poll(() => page.locator('#incident-chart').getAttribute('data-total')).toBe('0');
    expect(await page.locator('.legend-layer[data-layer="incidents"] .legend-count').innerText()).toBe('0');
    expect(session.pageErrors).toEqual([]);
  });
});
