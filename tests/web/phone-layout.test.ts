import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { bbox } from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDemo } from '../support/demo-seed.js';
import { describeInBrowser, openMapPage, type MapPage } from './browser-harness.js';

/** The demo's "occupation of the town": the Bitale zone is contested on this date (contested.test.ts). */
const DATE = '2019-06-15';
/** An iPhone 12–15 held upright, in CSS pixels. */
const PHONE = { width: 390, height: 844 };

interface ContestedZone extends Feature<Polygon> {
  properties: { claimants: Array<{ cooperative_name: string }> };
}

/** The checker accessibility.test.ts runs on a desktop screen, here on the phone's layout. */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: unknown[] }> } }).axe;
    return (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })).violations;
  });
  return (violations as Array<{ id: string; impact: string | null; nodes: Array<{ target: string[] }> }>)
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(' | ')}`,
    );
}

/** Long waits that end as soon as the page is ready: the machine is shared (see contested.test.ts). */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 45_000, interval: 100 });
const SLOW_TEST = { timeout: 240_000 };

describeInBrowser('the map page on a phone (390×844) in Chromium', () => {
  let session: MapPage<void>;
  let names: string[];

  const toggle = () => session.page.locator('#panel .sheet-toggle');
  const expanded = () => toggle().getAttribute('aria-expanded');
  const rows = () => session.page.locator('#contested .contested-row');
  const details = () => session.page.locator('#contested-details');
  const canvas = () => session.page.locator('#map canvas.maplibregl-canvas');
  const box = async (locator: Locator) => (await locator.boundingBox())!;
  /** Where an element lies, rounded (sub-pixel borders are not overflow). */
  const span = async (locator: Locator) => {
    const b = await box(locator);
    return { left: Math.round(b.x), right: Math.round(b.x + b.width), top: Math.round(b.y), bottom: Math.round(b.y + b.height) };
  };
  /** Inside the screen, across and down. */
  const onScreen = async (locator: Locator) => {
    const s = await span(locator);
    return s.left >= 0 && s.right <= PHONE.width && s.top >= 0 && s.bottom <= PHONE.height;
  };
  /** Waits until the sheet has stopped moving (its height is eased) and the map has drawn its new size. */
  const settled = async () => {
    const panel = session.page.locator('#panel');
    let last = -1;
    await poll(async () => {
      const top = Math.round((await box(panel)).y);
      const still = top === last;
      last = top;
      return still;
    }).toBe(true);
    await session.settle();
  };

  beforeAll(async () => {
    session = await openMapPage({ seed: (_app, db) => seedDemo(db), path: `/?date=${DATE}`, viewport: PHONE });
    const res = await session.app.inject({ method: 'GET', url: `/api/analysis/contested?date=${DATE}` });
    const zones = (res.json() as { features: ContestedZone[] }).features;
    expect(zones.length, 'the demo has one contested zone on the date').toBe(1);
    names = [...new Set(zones[0]!.properties.claimants.map((c) => c.cooperative_name))];
  });

  afterAll(async () => {
    await session?.close();
  });

  it(
    'gives the map the screen: one line of header, one of warning, and the sheet collapsed to a line with the date and the contested zones',
    SLOW_TEST,
    async () => {
      const { page } = session;
      const banner = page.locator('#session-bar .demo-banner');
      await poll(() => banner.isVisible()).toBe(true);
      await poll(() => page.locator('#panel .sheet-summary').innerText()).toBe(`${DATE} · 1 zone contestée`);
      expect(await expanded()).toBe('false');
      await settled();

      // Header, demo warning and session line together: the map starts within 120 px of the top.
      const header = await span(page.locator('.app-header'));
      const session_ = await span(page.locator('#session-bar'));
      expect(header.top).toBe(0);
      expect(session_.bottom, 'header and banner').toBeLessThanOrEqual(120);
      // One line each: the title, the link and the languages side by side, the warning's text on one line.
      expect(header.bottom - header.top).toBeLessThanOrEqual(48);
      expect((await span(banner)).bottom - (await span(banner)).top).toBeLessThanOrEqual(40);
      const title = await span(page.locator('#app-title'));
      const languages = await span(page.locator('#language-switch'));
      expect(languages.top).toBeLessThan(title.bottom);
      for (const part of ['#app-title', '#priorities-link', '#language-switch', '#session-bar .demo-banner', '#session-bar .session-line']) {
        expect(await onScreen(page.locator(part)), part).toBe(true);
      }
      // The full warning is still there to read (screen readers, a tap, the title).
      expect(await banner.innerText()).toContain('Mode démonstration locale');
      expect(await banner.getAttribute('title')).toContain('n’y mettez pas de données réelles');

      // The map has most of the screen, the collapsed sheet the rest below it.
      const map = await span(canvas());
      expect(map.left).toBe(0);
      expect(map.right).toBe(PHONE.width);
      expect(map.bottom - map.top).toBeGreaterThan(PHONE.height * 0.75);
      const sheet = await span(page.locator('#panel'));
      expect(sheet.top).toBeGreaterThanOrEqual(map.bottom - 1);
      expect(sheet.bottom).toBe(PHONE.height);
      expect(sheet.bottom - sheet.top).toBeLessThanOrEqual(60);
      // Nothing sticks out sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      await session.screenshot('phone-collapsed.png');
      expect(await seriousViolations(page)).toEqual([]);
      expect(session.consoleErrors).toEqual([]);
      expect(session.pageErrors).toEqual([]);
    },
  );

  it('opens the sheet with its button and with the keyboard, says so, and shows the date and the contested list first', SLOW_TEST, async () => {
    const { page } = session;
    await toggle().click();
    await poll(() => expanded()).toBe('true');
    await settled();
    // Half the screen: the map above stays in view, the date and the contested zone first in the sheet.
    const map = await span(canvas());
    expect(map.bottom - map.top).toBeGreaterThan(PHONE.height * 0.35);
    for (const part of ['#as-of-date', '#contested-title', '#contested .contested-row']) expect(await onScreen(page.locator(part)), part).toBe(true);
    expect(await page.locator('#as-of-date').inputValue()).toBe(DATE);
    expect(await toggle().getAttribute('aria-label')).toBe('Agrandir le panneau');
    await session.screenshot('phone-half.png');
    expect(await seriousViolations(page)).toEqual([]);

    // Keyboard: the button is in the tab order; Enter steps on, the arrows move down and up.
    await toggle().focus();
    await page.keyboard.press('Enter');
    await poll(() => toggle().getAttribute('aria-label')).toBe('Réduire le panneau');
    expect(await expanded()).toBe('true');
    await settled();
    expect(Math.round((await box(page.locator('#panel'))).y)).toBeLessThanOrEqual(Math.round((await box(page.locator('.app-main'))).y));
    await page.keyboard.press('Enter');
    await poll(() => expanded()).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('sheet-toggle'))).toBe(true);
    // Collapsed, what the sheet hides is out of the tab order.
    expect(await page.locator('#as-of-date').isVisible()).toBe(false);
    await page.keyboard.press('ArrowUp');
    await poll(() => expanded()).toBe('true');
    await page.keyboard.press('ArrowDown');
    await poll(() => expanded()).toBe('false');

    // In English the button says so in English.
    await page.locator('#language-switch button[data-lang="en"]').click();
    await poll(() => toggle().getAttribute('aria-label')).toBe('Open the panel');
    expect(await page.locator('#panel .sheet-summary').innerText()).toBe(`${DATE} · 1 contested zone`);
    await page.locator('#language-switch button[data-lang="fr"]').click();
    await poll(() => toggle().getAttribute('aria-label')).toBe('Ouvrir le panneau');

    // A finger (here the mouse) drags the handle: the sheet settles on the nearest state, and the drag is no tap.
    const drag = async (toY: number) => {
      const handle = await box(page.locator('#panel .sheet-summary'));
      const [x, y] = [handle.x + handle.width / 2, handle.y + handle.height / 2];
      await page.mouse.move(x, y);
      await page.mouse.down();
      await page.mouse.move(x, (y + toY) / 2, { steps: 5 });
      await page.mouse.move(x, toY, { steps: 5 });
      await page.mouse.up();
      await settled();
    };
    await drag(PHONE.height * 0.55);
    await poll(() => toggle().getAttribute('aria-label')).toBe('Agrandir le panneau');
    await drag(PHONE.height - 10);
    await poll(() => toggle().getAttribute('aria-label')).toBe('Ouvrir le panneau');
    expect(await expanded()).toBe('false');

    // The demo warning's whole text, one tap away.
    const more = page.locator('#session-bar .demo-more');
    const banner = page.locator('#session-bar .demo-banner');
    const oneLine = (await box(banner)).height;
    await more.click();
    expect(await more.getAttribute('aria-expanded')).toBe('true');
    expect((await box(banner)).height).toBeGreaterThan(oneLine * 1.5);
    await more.click();
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    expect((await box(banner)).height).toBe(oneLine);

    // The legend is one tap away from the collapsed sheet.
    await page.locator('#panel .sheet-legend').click();
    await poll(() => expanded()).toBe('true');
    await settled();
    expect(await onScreen(page.locator('#legend h2'))).toBe(true);
  });

  it('picks the contested zone from the sheet: the map makes room to show it and its details are read on the screen', SLOW_TEST, async () => {
    const { page } = session;
    // From the sheet over the whole map, the worst case for seeing the zone.
    await toggle().click();
    await poll(() => toggle().getAttribute('aria-label')).toBe('Réduire le panneau');
    await page.locator('#panel').evaluate((panel) => (panel.scrollTop = 0));
    await rows().first().click();
    await poll(() => details().isVisible()).toBe(true);
    // The sheet steps down to half: the map is in view again, fitted to the zone.
    await poll(() => toggle().getAttribute('aria-label')).toBe('Agrandir le panneau');
    await poll(() => page.evaluate(() => window.__riskmap!.map.isMoving())).toBe(false);
    await settled();
    const map = await span(canvas());
    expect(map.bottom - map.top).toBeGreaterThan(PHONE.height * 0.35);
    const zone = await session.app.inject({ method: 'GET', url: `/api/analysis/contested?date=${DATE}` });
    const [west, south, east, north] = bbox((zone.json() as { features: ContestedZone[] }).features[0]!);
    const [[w, s], [e, n]] = await page.evaluate(() => window.__riskmap!.map.getBounds().toArray());
    expect([w <= west, s <= south, e >= east, n >= north]).toEqual([true, true, true, true]);

    // The details open at the top of the sheet, under the map, inside the screen's width.
    expect(await onScreen(page.locator('#contested-details-title'))).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('contested-details-title');
    const claimants = details().locator('.claimant-name');
    expect(await claimants.allInnerTexts()).toEqual(expect.arrayContaining(names));
    expect(await onScreen(claimants.first())).toBe(true);
    for (const part of await details().locator('.details-part, .details-header, .details-severity, .claimant-name, .claimant-status').all()) {
      const s = await span(part);
      expect(s.left, await part.innerText()).toBeGreaterThanOrEqual(0);
      expect(s.right, await part.innerText()).toBeLessThanOrEqual(PHONE.width);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await session.screenshot('phone-contested-details.png');
  });

  it('opens popups that fit the screen, for records left and right of the middle', SLOW_TEST, async () => {
    const { page } = session;
    await page.keyboard.press('Escape');
    await poll(() => details().isVisible()).toBe(false);
    await toggle().focus();
    await page.keyboard.press('ArrowDown');
    await poll(() => expanded()).toBe('false');
    await settled();
    const popup = page.locator('.maplibregl-popup');
    // Beside its point a desktop-wide popup runs off the far side; centred over it, off the near one.
    for (const [side, from, to] of [
      ['left', 40, 160],
      ['right', 230, 350],
    ] as const) {
      await page.evaluate(() => void window.__riskmap!.map.jumpTo({ center: [28.85, -2.1], zoom: 9 }));
      await session.settle();
      const target = await page.evaluate(
        ([x0, x1]) => {
          const { map } = window.__riskmap!;
          const layers = ['sites-circle', 'incidents-symbol', 'presence-symbol', 'roadblocks-symbol'].filter((id) => map.getLayer(id));
          const height = map.getCanvas().clientHeight;
          for (let y = 150; y < height - 80; y += 4) {
            for (let x = x0; x < x1; x += 4) if (map.queryRenderedFeatures([x, y], { layers }).length) return [x, y] as const;
          }
          return null;
        },
        [from, to] as const,
      );
      expect(target, `a record ${side} of the middle`).not.toBeNull();
      const frame = await box(canvas());
      await page.mouse.click(frame.x + target![0], frame.y + target![1]);
      await popup.waitFor();
      await poll(() => page.evaluate(() => window.__riskmap!.map.isMoving())).toBe(false);
      await session.settle();
      const s = await span(popup);
      expect(s.left, side).toBeGreaterThanOrEqual(0);
      expect(s.right, side).toBeLessThanOrEqual(PHONE.width);
      expect(s.top, side).toBeGreaterThanOrEqual(Math.floor(frame.y));
      expect(s.bottom, side).toBeLessThanOrEqual(Math.ceil(frame.y + frame.height));
      // Its close button is not hidden under the zoom buttons.
      expect(
        await popup.locator('.maplibregl-popup-close-button').evaluate((button) => {
          const r = button.getBoundingClientRect();
          return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === button;
        }),
        side,
      ).toBe(true);
      await session.screenshot(side === 'right' ? 'phone-popup.png' : 'phone-popup-left.png');
      await page.keyboard.press('Escape');
      await poll(() => popup.count()).toBe(0);
    }
    expect(session.consoleErrors).toEqual([]);
    expect(session.pageErrors).toEqual([]);
    expect(session.outsideRequests).toEqual([]);
  });
});
