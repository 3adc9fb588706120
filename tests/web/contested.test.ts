import { join } from 'node:path';
import { bbox, pointOnFeature } from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDemo } from '../support/demo-seed.js';
import { SCREENSHOTS, describeInBrowser, openMapPage, type MapPage } from './browser-harness.js';

/** The Bitale dispute at its worst: both claims, the FARDC hired by one side, clashes nearby. */
const DATE = '2019-06-01';

interface ContestedZone extends Feature<Polygon> {
  id: number;
  properties: { severity: string; rules: string[]; claimants: Array<{ cooperative_name: string; legal_status: string }>; label: [number, number] };
}

/**
 * The page, the database and the other suites share a small machine: a reload that takes a
 * second alone can take twenty under load, so waits are long (they end as soon as the page is ready).
 */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 45_000, interval: 100 });
const SLOW_TEST = { timeout: 240_000 };

describeInBrowser('contested zones on the demo data in Chromium', () => {
  let session: MapPage<void>;
  let zone: ContestedZone;
  let names: string[];

  const rows = () => session.page.locator('#contested .contested-row');
  const details = () => session.page.locator('#contested-details');
  const setDate = async (date: string) => {
    const { page } = session;
    await page.locator('#as-of-date').fill(date);
    await poll(() => page.locator('#status').innerText()).toContain(date);
    await poll(() => page.locator('#contested').getAttribute('data-state')).toBe('ready');
    await session.settle();
  };

  beforeAll(async () => {
    session = await openMapPage({ seed: (_app, db) => seedDemo(db), path: `/?date=${DATE}` });
    const res = await session.app.inject({ method: 'GET', url: `/api/analysis/contested?date=${DATE}` });
    const zones = (res.json() as { features: ContestedZone[] }).features;
    expect(zones.length, 'the demo has one contested zone on the date').toBe(1);
    zone = zones[0]!;
    names = [...new Set(zone.properties.claimants.map((c) => c.cooperative_name))];
  });

  afterAll(async () => {
    await session?.close();
  });

  it(`lists the Bitale zone on ${DATE} with both cooperatives, its severity in words and its area`, SLOW_TEST, async () => {
    await poll(() => rows().count()).toBe(1);
    const text = await rows().first().innerText();
    expect(names).toHaveLength(2);
    for (const name of names) expect(text).toContain(name);
    expect(text).toMatch(/critique/i);
    expect(text).toMatch(/\d ha/);
    // A real button: reachable with Tab, announced as one.
    expect(
      await rows()
        .first()
        .evaluate((el) => el.tagName),
    ).toBe('BUTTON');
    // Drawn as a zone, or as its marker while the zone is too small to see at this zoom.
    const drawn = await session.renderedIds(['contested', 'contested-markers']);
    expect(drawn.contested! + drawn['contested-markers']!).toBeGreaterThan(0);
    await session.screenshot('contested-overview.png');
    expect(session.consoleErrors).toEqual([]);
    expect(session.pageErrors).toEqual([]);
    expect(session.outsideRequests).toEqual([]);
  });

  it('zooms in on a zone too small to see when its marker is clicked', SLOW_TEST, async () => {
    const { page } = session;
    // A pixel of the marker that nothing is drawn over (incidents sit on top of it, by design).
    const target = await page.evaluate((label) => {
      const { map } = window.__riskmap!;
      const centre = map.project(label);
      for (let r = 0; r <= 14; r += 1) {
        for (const [dx, dy] of [
          [0, 0],
          [r, 0],
          [-r, 0],
          [0, r],
          [0, -r],
          [r, r],
          [-r, -r],
          [r, -r],
          [-r, r],
        ] as const) {
          const [top] = map.queryRenderedFeatures([centre.x + dx, centre.y + dy]);
          if (top?.layer.id === 'contested-marker') return map.unproject([centre.x + dx, centre.y + dy]).toArray() as [number, number];
        }
      }
      return null;
    }, zone.properties.label);
    expect(target, 'the marker shows at the opening zoom').not.toBeNull();
    const zoomBefore = await page.evaluate(() => window.__riskmap!.map.getZoom());
    await session.clickAt(target!);
    await poll(() => details().isVisible()).toBe(true);
    await poll(() => page.evaluate(() => window.__riskmap!.map.isMoving())).toBe(false);
    expect(await page.evaluate(() => window.__riskmap!.map.getZoom())).toBeGreaterThan(zoomBefore + 2);
    const [[w, s], [e, n]] = await page.evaluate(() => window.__riskmap!.map.getBounds().toArray());
    const [west, south, east, north] = bbox(zone);
    expect([w <= west, s <= south, e >= east, n >= north]).toEqual([true, true, true, true]);
    await page.keyboard.press('Escape');
  });

  it('shows the claimants, legal standing and rules when the zone is clicked on the map', SLOW_TEST, async () => {
    const { page } = session;
    const [west, south, east, north] = bbox(zone);
    await page.evaluate((b) => void window.__riskmap!.map.fitBounds(b, { padding: 80, animate: false }), [
      [west, south],
      [east, north],
    ] as [[number, number], [number, number]]);
    await session.settle();
    const before = await page.evaluate(() => window.__riskmap!.map.getCenter().toArray());

    await session.clickAt(pointOnFeature(zone).geometry.coordinates as [number, number]);
    await poll(() => details().isVisible()).toBe(true);
    const text = await details().innerText();
    for (const name of names) expect(text).toContain(name);
    expect(text).toContain('non reconnue');
    expect(text).toContain('agréée');
    for (const rule of ['R5', 'R6', 'R7']) expect(await details().locator(`.rule-hit[data-rule="${rule}"]`).count(), rule).toBe(1);
    expect(await details().locator('.rule-hit[data-rule="R6"]').innerText()).toMatch(/Différend militarisé[\s\S]*engagé par/);
    expect(text).toContain('ZEA-798-ILLUSTRATIVE');
    expect(text).toMatch(/FARDC/);
    expect(text).toMatch(/affrontement armé/);
    // The row says which zone is open.
    expect(await rows().first().getAttribute('aria-expanded')).toBe('true');
    // Already in full view: the map stays where the user was looking.
    expect(await page.evaluate(() => window.__riskmap!.map.getCenter().toArray())).toEqual(before);
    await page.keyboard.press('Escape');
    await session.settle();
    await session.screenshot('contested-details.png');

    // A tall popup stays inside the map wherever it opens: it takes the roomier side and scrolls.
    const map = (await page.locator('#map').boundingBox())!;
    const popup = page.locator('.maplibregl-popup');
    for (const [name, fraction] of [
      ['low', 0.9],
      ['middle', 0.45],
    ] as const) {
      const at = await page.evaluate(
        ([_height, start]) => {
          const { map } = window.__riskmap!;
          const x = map.getCanvas().clientWidth / 2;
          for (let y = start; y > 40; y -= 10) if (map.queryRenderedFeatures([x, y], { layers: ['contested-tint'] }).length) return [x, y] as const;
          return null;
        },
        [map.height, Math.round(map.height * fraction)] as const,
      );
      expect(at, `a point of the zone, ${name} on the map`).not.toBeNull();
      await page.mouse.click(map.x + at![0], map.y + at![1]);
      await popup.waitFor();
      const box = (await popup.boundingBox())!;
      expect(box.y, name).toBeGreaterThanOrEqual(map.y);
      expect(box.y + box.height, name).toBeLessThanOrEqual(map.y + map.height);
      await session.screenshot(`contested-popup-${name}.png`);
      await page.keyboard.press('Escape');
      await poll(() => popup.count()).toBe(0);
    }
    // The whole panel, details included, on a page tall enough to show it without scrolling.
    const viewport = page.viewportSize()!;
    await page.setViewportSize({ width: viewport.width, height: 2000 });
    await session.settle();
    await session.screenshot('contested-details-panel.png');
    await page.setViewportSize(viewport);
    await session.settle();
  });

  it('opens the details from the list with the keyboard and fits the map to the zone', SLOW_TEST, async () => {
    const { page } = session;
    await page.evaluate(() => void window.__riskmap!.map.jumpTo({ center: [28.9, -2.0], zoom: 8 }));
    await page.locator('#contested-details .details-close').click();
    await poll(() => details().isVisible()).toBe(false);
    // Closing hands the focus back to the row, from where Enter opens the details again.
    expect(await page.evaluate(() => document.activeElement?.classList.contains('contested-row'))).toBe(true);
    await page.keyboard.press('Enter');
    await poll(() => details().isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('contested-details-title');
    // The fit is animated (unless the user asks for reduced motion).
    await poll(() => page.evaluate(() => window.__riskmap!.map.isMoving())).toBe(false);
    await session.settle();
    const [[w, s], [e, n]] = await page.evaluate(() => window.__riskmap!.map.getBounds().toArray());
    const [west, south, east, north] = bbox(zone);
    expect(w).toBeLessThanOrEqual(west);
    expect(e).toBeGreaterThanOrEqual(east);
    expect(s).toBeLessThanOrEqual(south);
    expect(n).toBeGreaterThanOrEqual(north);
    // Fitted, not merely inside a wide view.
    expect((east - west) / (e - w)).toBeGreaterThan(0.3);
  });

  it('says the rules and severity in English after the switch, keeping the data as given', SLOW_TEST, async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'English' }).click();
    await poll(() => details().innerText()).toContain('R6 — Militarised dispute');
    const text = await details().innerText();
    expect(text).toContain('Severity: Critical');
    expect(text).toContain('unrecognised');
    for (const name of names) expect(text).toContain(name);
    expect(await rows().first().innerText()).toMatch(/critical/i);
    expect(await page.locator('#legend').innerText()).toContain('Contested zones (analysis)');
    await page.getByRole('button', { name: 'Français' }).click();
    await poll(() => details().innerText()).toContain('R6 — Différend militarisé');
  });

  // Four reloads of every layer: slow on a shared CI machine, hence the longer limit.
  it('follows the date: from the second claim (2018-09-01) until the agreement (2019-11-30)', SLOW_TEST, async () => {
    const expected: Array<[string, number]> = [
      ['2018-08-31', 0],
      ['2018-09-01', 1],
      ['2019-11-30', 1],
      ['2019-12-01', 0],
    ];
    for (const [date, count] of expected) {
      await setDate(date);
      expect(await rows().count(), `rows on ${date}`).toBe(count);
      // Before the army came (and after it left) the same overlap is a legality issue only.
      if (count > 0) expect(await rows().first().getAttribute('data-severity'), `severity on ${date}`).toBe('medium');
      if (date === '2019-11-30') await session.screenshot('contested-medium-2019-11-30.png');
    }
  });

  it('empties the list and the overlay on 2020-06-01, after the agreement', SLOW_TEST, async () => {
    const { page } = session;
    await setDate(DATE);
    await poll(() => rows().count()).toBe(1);
    await rows().first().click();
    await poll(() => details().isVisible()).toBe(true);

    await setDate('2020-06-01');
    expect(await rows().count()).toBe(0);
    expect(await page.locator('#contested .contested-summary').innerText()).toContain('Aucune zone contestée au 2020-06-01');
    expect(await details().isVisible()).toBe(false);
    const drawn = await session.renderedIds(['contested', 'contested-markers']);
    expect(drawn.contested! + drawn['contested-markers']!).toBe(0);
    expect(await page.locator('.legend-layer[data-layer="contested"] .legend-count').innerText()).toBe('0');
    await session.screenshot('contested-2020-06-01.png');
    const viewport = page.viewportSize()!;
    await page.setViewportSize({ width: viewport.width, height: 2000 });
    await page.locator('#legend').screenshot({ path: join(SCREENSHOTS, 'contested-legend.png') });
    await page.setViewportSize(viewport);
    expect(session.consoleErrors).toEqual([]);
    expect(session.pageErrors).toEqual([]);
    expect(session.failedResponses).toEqual([]);
  });
});
