import { afterAll, beforeAll, expect, it } from 'vitest';
import { DRAWN_LAYERS, describeInBrowser, openMapPage, type MapPage } from './browser-harness.js';
import { seedBrowserFixture, type BrowserFixture } from './seed-browser-fixture.js';

describeInBrowser('the map page in Chromium', () => {
  let session: MapPage<BrowserFixture>;
  // Bound once the page is open; the tests below read them as plain names.
  let app: MapPage<BrowserFixture>['app'];
  let fixture: BrowserFixture;
  let page: MapPage<BrowserFixture>['page'];
  let consoleErrors: string[];
  let pageErrors: string[];
  let dialogs: string[];
  let outsideRequests: string[];
  let failedResponses: string[];
  const renderedIds = (layers: readonly string[]) => session.renderedIds(layers);
  const clickAt = (lngLat: [number, number]) => session.clickAt(lngLat);
  const settle = () => session.settle();
  const screenshot = (name: string) => session.screenshot(name);

  beforeAll(async () => {
    // A date when the fixture's 2019 incidents are within the incident filter's default period (the last twelve months).
    session = await openMapPage({ seed: (app) => seedBrowserFixture(app), path: '/?date=2019-12-31' });
    ({ app, page, consoleErrors, pageErrors, dialogs, outsideRequests, failedResponses } = session);
    fixture = session.seeded;
  });

  afterAll(async () => {
    await session?.close();
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
    await page.evaluate((center) => void window.__riskmap!.map.jumpTo({ center }), fixture.overlap.lngLat);

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

    await page.evaluate((view) => void window.__riskmap!.map.jumpTo(view), camera);
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
    expect(asked.sort()).toEqual([
      '/api/analysis/contested',
      '/api/analysis/permit-overlaps',
      '/api/analysis/routes',
      '/api/analysis/sites',
      '/api/claims',
      '/api/cooperatives',
      '/api/incidents',
      '/api/permits',
      '/api/presence',
      '/api/roadblocks',
      '/api/routes',
      '/api/sites',
      '/api/zones',
    ]);
    expect(new URL(page.url()).searchParams.get('date')).toBe(date);

    // The map shows what the API holds for that date, no more; incidents of the twelve months up to it (the default period).
    const drawn = await renderedIds(['incidents', 'presence']);
    for (const layer of ['incidents', 'presence'] as const) {
      const res = await app.inject({ method: 'GET', url: `/api/${layer}?date=${date}` });
      const features = res.json().features as { properties: { occurred_on?: string } }[];
      const expected = layer === 'incidents' ? features.filter((f) => f.properties.occurred_on! >= '2018-05-02') : features;
      expect(drawn[layer], `${layer} as of ${date}`).toBe(expected.length);
    }
    await screenshot('map-2019-05-01.png');
    expect(consoleErrors).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
