import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDemo } from '../support/demo-seed.js';
import { describeInBrowser, openMapPage, type MapPage } from './browser-harness.js';

const DATE = '2019-06-01';
/** East of the Bitale overlap: across the edges of both Bitale claims, onto open ground. */
const DRAWN: Array<[number, number]> = [
  [28.638, -2.205],
  [28.66, -2.205],
  [28.66, -2.19],
  [28.638, -2.19],
];
const NAME = 'Extension dessinée par le test du navigateur';

interface ApiClaim {
  id: number;
  properties: { cooperative_id: number; cooperative_name: string; name: string | null; basis: string; valid_from: string; source_id: string | null };
}

/**
 * The page, the database and the other suites share a small machine: a reload that takes a
 * second alone can take twenty under load, so waits are long (they end as soon as the page is ready).
 */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 45_000, interval: 100 });
const SLOW_TEST = { timeout: 240_000 };

describeInBrowser('the claim editor on the demo data in Chromium', () => {
  let session: MapPage<void>;
  let claimant: { id: number; name: string };
  let bitale: ApiClaim[];

  const form = () => session.page.locator('#claim-editor-form');
  const draftFeatures = () => session.page.evaluate(() => window.__riskmap!.map.querySourceFeatures('claim-draft').length);
  /** The browser's resource errors for the 4xx the editor provokes on purpose are not faults of the page. */
  const unexpectedConsoleErrors = () => session.consoleErrors.filter((e) => !/status of 400/.test(e));

  beforeAll(async () => {
    session = await openMapPage({ seed: (_app, db) => seedDemo(db), path: `/?date=${DATE}` });
    const cooperatives = (await session.app.inject({ method: 'GET', url: '/api/cooperatives' })).json() as {
      features: Array<{ id: number; properties: { name: string } }>;
    };
    // A third cooperative, with no claim near Bitale: anything it overlaps there is someone else's.
    const coopD = cooperatives.features.find((c) => c.properties.name.startsWith('Coopérative minière D'))!;
    claimant = { id: coopD.id, name: coopD.properties.name };
    const claims = (await session.app.inject({ method: 'GET', url: `/api/claims?date=${DATE}` })).json() as { features: ApiClaim[] };
    bitale = claims.features.filter((c) => c.properties.source_id?.startsWith('bitale-claim-'));
    expect(bitale).toHaveLength(2);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('cancels with Escape, leaving nothing drawn (keyboard: Space places a vertex at the centre)', SLOW_TEST, async () => {
    const { page } = session;
    await page.evaluate(() => void window.__riskmap!.map.jumpTo({ center: [28.645, -2.2], zoom: 13 }));
    await session.settle();
    await page.getByRole('button', { name: 'Dessiner une revendication' }).click();
    await poll(() => form().isVisible()).toBe(true);
    // Drawing starts on the map, where the keys apply.
    expect(await page.evaluate(() => document.activeElement?.classList.contains('maplibregl-canvas'))).toBe(true);
    expect(await page.locator('#map canvas').getAttribute('aria-label')).toMatch(/Espace/);
    await page.keyboard.press('Space');
    await page.evaluate(() => void window.__riskmap!.map.jumpTo({ center: [28.65, -2.2] }));
    await page.keyboard.press('Space');
    await poll(() => form().locator('.editor-progress').innerText()).toContain('2 sommet');
    await page.keyboard.press('Escape');
    await poll(() => form().isVisible()).toBe(false);
    await session.settle();
    expect(await draftFeatures()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('draw-claim');
    expect(await page.locator('#map canvas').getAttribute('aria-label')).toMatch(/^Carte\./);
  });

  it('previews, checks with the server and saves a claim drawn by clicking on the map', SLOW_TEST, async () => {
    const { page, app } = session;
    await page.evaluate(
      () =>
        void window.__riskmap!.map.fitBounds(
          [
            [28.61, -2.225],
            [28.67, -2.175],
          ],
          { animate: false },
        ),
    );
    await session.settle();
    await page.getByRole('button', { name: 'Dessiner une revendication' }).click();
    await poll(() => form().isVisible()).toBe(true);
    for (const vertex of DRAWN) await session.clickAt(vertex);
    await poll(() => form().locator('.editor-progress').innerText()).toContain('4 sommet');
    // Clicks while drawing place vertices: no popup comes up.
    expect(await page.locator('.maplibregl-popup').count()).toBe(0);
    // Enter on the map closes the polygon and takes the user on to the form.
    await page.locator('#map canvas').focus();
    await page.keyboard.press('Enter');
    await poll(() => form().locator('.editor-progress').innerText()).toContain('Polygone fermé');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('claim-cooperative');

    await page.getByLabel('Coopérative', { exact: true }).selectOption(String(claimant.id));
    await page.getByLabel('Fondement').selectOption('application');
    expect(await page.getByLabel('En vigueur depuis le').inputValue()).toBe(DATE);
    await page.getByLabel('Nom (facultatif)').fill(NAME);

    // The browser's preview: both Bitale claims, each with some hectares.
    const rows = form().locator('.overlap-row');
    await poll(() => rows.count()).toBe(2);
    const preview = await rows.evaluateAll((trs) =>
      trs.map((tr) => ({ id: Number((tr as HTMLElement).dataset.claimId), ha: Number(tr.querySelector('td')?.dataset.overlapHa) })),
    );
    expect(preview.map((p) => p.id).sort()).toEqual(bitale.map((c) => c.id).sort());
    for (const p of preview) expect(p.ha).toBeGreaterThan(0);
    expect(await form().locator('.overlap-table').innerText()).toContain('non vérifié');
    await session.screenshot('claim-editor-preview.png');

    await page.getByRole('button', { name: 'Vérifier auprès du serveur' }).click();
    const serverCells = rows.locator('td:nth-child(3)[data-overlap-ha]');
    await poll(() => serverCells.count()).toBe(2);
    const server = await rows.evaluateAll((trs) =>
      trs.map((tr) => ({ id: Number((tr as HTMLElement).dataset.claimId), ha: Number(tr.querySelectorAll('td')[1]?.dataset.overlapHa) })),
    );
    // Turf on the sphere and PostGIS on the spheroid agree to well within a percent.
    for (const p of preview) expect(Math.abs(server.find((s) => s.id === p.id)!.ha / p.ha - 1)).toBeLessThan(0.01);
    await session.screenshot('claim-editor-checked.png');

    await page.getByRole('button', { name: 'Enregistrer la revendication' }).click();
    await poll(() => page.locator('#claim-editor .editor-message').innerText()).toMatch(/Revendication n° \d+ enregistrée/);
    expect(await form().isVisible()).toBe(false);

    const claims = (await app.inject({ method: 'GET', url: `/api/claims?date=${DATE}` })).json() as { features: ApiClaim[] };
    const saved = claims.features.find((c) => c.properties.name === NAME);
    expect(saved, 'the new claim is served by the API').toBeDefined();
    expect(saved!.properties).toMatchObject({ cooperative_id: claimant.id, basis: 'application', valid_from: DATE });

    // Layers and the contested list reload: the new claim is now in disputes of its own.
    await poll(() => page.locator('#contested .contested-row').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining(claimant.name)]));
    await poll(() => page.locator('#status').getAttribute('data-state')).toBe('ready');
    await session.settle();
    const drawnClaims = await page.evaluate(() => {
      const { map } = window.__riskmap!;
      const layers = map
        .getStyle()
        .layers.filter((l) => 'source' in l && l.source === 'claims')
        .map((l) => l.id);
      return map.queryRenderedFeatures({ layers }).map((f) => Number(f.id));
    });
    expect(drawnClaims).toContain(saved!.id);
    await session.screenshot('claim-editor-saved.png');
    expect(unexpectedConsoleErrors()).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  });

  it('takes the polygon as typed GeoJSON, and shows the server’s refusal of a self-crossing ring', SLOW_TEST, async () => {
    const { page } = session;
    // Whatever the test before left open, start from a closed editor.
    if (await form().isVisible()) await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Dessiner une revendication' }).click();
    await poll(() => form().isVisible()).toBe(true);
    await form().locator('summary').click();
    // A bow tie: its edges cross, which no claim may do.
    const bowTie = {
      type: 'Polygon',
      coordinates: [
        [
          [28.7, -2.1],
          [28.72, -2.12],
          [28.72, -2.1],
          [28.7, -2.12],
          [28.7, -2.1],
        ],
      ],
    };
    await page.getByLabel('Saisir les coordonnées (GeoJSON)').fill(JSON.stringify(bowTie));
    await page.getByRole('button', { name: 'Utiliser ces coordonnées' }).click();
    await poll(() => form().locator('.editor-progress').innerText()).toContain('Polygone fermé : 4 sommets');
    // The browser sees the crossing before the server is asked.
    expect(await form().locator('.overlap-output .field-error').innerText()).toMatch(/se croise lui-même près de \(28,71 ; -2,11\)/);
    await page.getByLabel('Coopérative', { exact: true }).selectOption(String(claimant.id));
    await page.getByLabel('Fondement').selectOption('title');

    await page.getByRole('button', { name: 'Vérifier auprès du serveur' }).click();
    const error = form().locator('.editor-error');
    await poll(() => error.innerText()).toMatch(/^Refusé par le serveur : .*self-intersect/i);
    await page.getByRole('button', { name: 'Enregistrer la revendication' }).click();
    await poll(() => error.innerText()).toMatch(/^Refusé par le serveur : .*self-intersect/i);
    expect(await form().isVisible()).toBe(true);
    await session.screenshot('claim-editor-refused.png');

    // Bad text is refused in the page, in the page's language.
    await page.getByLabel('Saisir les coordonnées (GeoJSON)').fill('[[28.7, -2.1], [28.72]]');
    await page.getByRole('button', { name: 'Utiliser ces coordonnées' }).click();
    expect(await form().locator('.editor-paste .field-error').innerText()).toContain('la position 2 n’est pas de la forme [lon, lat]');
    await page.keyboard.press('Escape');
    await poll(() => form().isVisible()).toBe(false);
    expect(unexpectedConsoleErrors()).toEqual([]);
    expect(session.pageErrors).toEqual([]);
    expect(session.outsideRequests).toEqual([]);
    // The only failures are the two refusals asked for.
    expect(session.failedResponses.map((r) => r.replace(/^(\d+) .*\/api\//, '$1 /api/'))).toEqual(['400 /api/analysis/claim-overlaps', '400 /api/claims']);
  });
});
