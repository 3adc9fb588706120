import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CaseFile, CaseList, FollowUpList } from '../../server/cases/case-schema.js';
import { CASE_STATUSES } from '../../server/cases/case-vocabulary.js';
import { valueLabel } from '../../server/domain/field-labels.js';
import { seedDemo } from '../support/demo-seed.js';
// The page's `window.__riskcases` (its declaration comes with this module's types).
import '../../web/src/cases/cases-handle.js';
import { STATUS_WORDS, STEP_WORDS } from '../../web/src/cases/messages.js';
import { SCREENSHOTS, describeInBrowser, openMapPage, type MapPage } from './browser-harness.js';

/**
 * Issue 15, the case pages (web/cases.html): the Bitale case file opens from the Bitale
 * contested zone on the map, shows its steps in order with the records they rest on, and
 * prints as a one-page brief. Every expectation is read from the API's own answer (the demo's
 * data/demo/bitale-case.json), never copied from it.
 */
const DATE = '2019-07-25';
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 45_000, interval: 100 });
const SLOW_TEST = { timeout: 240_000 };

interface ContestedZone {
  id: number;
  properties: { claimants: Array<{ claim_id: number }> };
}

describeInBrowser('the case pages on the demo data in Chromium', () => {
  let session: MapPage<void>;
  let claimIds: number[];
  let bitale: CaseFile;

  const get = async <T>(url: string): Promise<T> => {
    const res = await session.app.inject({ method: 'GET', url });
    if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${res.body}`);
    return res.json() as T;
  };
  /** The case page has loaded its case (or list) and drawn its map. */
  const casesReady = async () => {
    await session.page.waitForFunction(() => window.__riskcases !== undefined);
    await session.page.evaluate(() => window.__riskcases!.ready);
  };
  const settleCaseMap = () =>
    session.page.evaluate(async () => {
      const map = window.__riskcases!.map!;
      const idle = map.once('idle');
      map.triggerRepaint();
      await idle;
    });

  beforeAll(async () => {
    session = await openMapPage({ seed: (_app, db) => seedDemo(db), path: `/?date=${DATE}` });
    const zones = (await get<{ features: ContestedZone[] }>(`/api/analysis/contested?date=${DATE}`)).features;
    expect(zones, 'the Bitale contested zone on the date').toHaveLength(1);
    claimIds = [...new Set(zones[0]!.properties.claimants.map((c) => c.claim_id))];
    const found = await get<CaseList>(`/api/cases?${claimIds.map((id) => `claim_id=${id}`).join('&')}`);
    expect(found.cases, 'the demo holds the Bitale case file').toHaveLength(1);
    bitale = await get<CaseFile>(`/api/cases/${found.cases[0]!.id}`);
  }, 120_000);

  afterAll(async () => {
    await session?.close();
  });

  it(`opens the Bitale case file from the Bitale contested zone on ${DATE}`, SLOW_TEST, async () => {
    const { page } = session;
    expect(await page.locator('#cases-link').getAttribute('href')).toBe('./cases.html');
    await poll(() => page.locator('#contested').getAttribute('data-state')).toBe('ready');
    await page.locator('#contested .contested-row').first().click();
    const link = page.locator('#contested-details .case-file-link');
    await poll(() => link.count()).toBe(1);
    expect(await link.innerText()).toBe(`Dossier : ${bitale.title}`);
    expect(await link.getAttribute('href')).toBe(`./cases.html?id=${bitale.id}`);
    // Found by its claims, so no "open a case" beside it.
    expect(await page.locator('#contested-details .case-open-link').count()).toBe(0);
    await Promise.all([page.waitForURL((url) => url.pathname.endsWith('/cases.html')), link.click()]);
    await casesReady();
    expect(new URL(page.url()).searchParams.get('id')).toBe(String(bitale.id));
  });

  it('reads the case in French: its steps in date order, who acted, and the records they rest on', SLOW_TEST, async () => {
    const { page } = session;
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    expect(await page.locator('#page-title').innerText()).toBe(bitale.title);
    expect(await page.locator('.case-status').innerText()).toContain(STATUS_WORDS[bitale.status].fr);
    // Parties and places, the claims named from their records.
    const parties = await page.locator('.case-parties li').allInnerTexts();
    expect(parties).toHaveLength(bitale.parties.length);
    for (const [i, party] of bitale.parties.entries()) expect(parties[i]).toContain(party.name!);
    const claimPlace = bitale.places.find((p) => p.kind === 'claim')!;
    const claim = await get<{ properties: { name: string } }>(`/api/claims/${claimPlace.record_id}`);
    await poll(() => page.locator('.case-places').innerText()).toContain(claim.properties.name);

    const steps = page.locator('.case-step');
    expect(await steps.count()).toBe(bitale.steps.length);
    const dates = await steps.evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.date!));
    expect(dates).toEqual(bitale.steps.map((s) => s.taken_on));
    expect(dates).toEqual([...dates].sort());
    expect(await page.locator('.case-step .step-kind').allInnerTexts()).toEqual(bitale.steps.map((s) => STEP_WORDS[s.kind].fr));

    for (const [i, step] of bitale.steps.entries()) {
      const item = steps.nth(i);
      if (step.summary) expect(await item.locator('.step-summary').innerText()).toBe(step.summary);
      if (step.acted_by) expect(await item.locator('.step-actor').innerText()).toContain(step.acted_by);
      const records = item.locator('.step-records li');
      const shown = await records.evaluateAll((lis) => lis.map((li) => `${(li as HTMLElement).dataset.layer}-${(li as HTMLElement).dataset.id}`));
      expect(shown, `records of the step of ${step.taken_on}`).toEqual(step.rests_on.map((r) => `${r.layer}-${r.id}`));
      const texts = await records.allInnerTexts();
      for (const [j, ref] of step.rests_on.entries()) {
        const r = ref.record as Record<string, string>;
        if (ref.layer === 'incidents') {
          expect(texts[j]).toContain(r.occurred_on);
          expect(texts[j]).toContain(valueLabel('category', r.category!)!.fr);
        } else if (ref.layer === 'presence') {
          expect(texts[j]).toContain(r.actor_name);
          expect(texts[j]).toContain(r.valid_from);
        } else {
          expect(texts[j]).toContain(r.name);
        }
      }
      const followUps = item.locator('.follow-up');
      expect(await followUps.count()).toBe(step.follow_ups?.length ?? 0);
      for (const [j, f] of (step.follow_ups ?? []).entries()) {
        expect(await followUps.nth(j).getAttribute('data-state')).toBe(f.done_on ? 'done' : f.overdue ? 'overdue' : 'open');
        expect(await followUps.nth(j).innerText()).toContain(f.owner);
      }
    }
    expect(bitale.steps.flatMap((s) => s.follow_ups ?? []).filter((f) => f.overdue)).toHaveLength(1);
    expect(await page.locator('.follow-up[data-state="overdue"]').count()).toBe(1);

    // The map draws the case's places and the records its steps rest on.
    await settleCaseMap();
    const drawn = await page.evaluate(() => {
      const map = window.__riskcases!.map!;
      return [...new Set(map.queryRenderedFeatures().flatMap((f) => (f.source === 'case-shapes' ? [String(f.properties.kind)] : [])))].sort();
    });
    expect(drawn).toEqual(expect.arrayContaining(['claim', 'incident', 'presence', 'zone']));
    await page.screenshot({ path: join(SCREENSHOTS, 'case-file-screen.png') });
    expect(session.consoleErrors).toEqual([]);
    expect(session.pageErrors).toEqual([]);
    expect(session.outsideRequests).toEqual([]);
  });

  it('shows a step’s day on the map and rings the records it rests on, from the keyboard', SLOW_TEST, async () => {
    const { page } = session;
    const index = bitale.steps.findIndex((s) => s.kind === 'finding');
    const finding = bitale.steps[index]!;
    await page.locator('.case-step').nth(index).locator('.step-button').focus();
    await page.keyboard.press('Enter');
    const map = page.locator('#case-map');
    await poll(() => map.getAttribute('data-date')).toBe(finding.taken_on);
    expect((await map.getAttribute('data-cited'))!.split(' ')).toEqual(finding.rests_on.map((r) => `${r.layer}-${r.id}`).sort());
    expect(await page.locator('.case-step').nth(index).locator('.step-button').getAttribute('aria-pressed')).toBe('true');
    // In force that day: the army in the town (until the withdrawal), not the Mining Police who came later.
    const inForce = (await map.getAttribute('data-in-force'))!.split(' ');
    const later = bitale.steps.find((s) => s.kind === 'deployment')!.rests_on.map((r) => `${r.layer}-${r.id}`);
    for (const key of later) expect(inForce).not.toContain(key);
    expect(inForce).toEqual(
      expect.arrayContaining(
        finding.rests_on
          .filter((r) => r.layer === 'presence' && String(r.record?.valid_to ?? '9999-12-31') >= finding.taken_on)
          .map((r) => `${r.layer}-${r.id}`),
      ),
    );
    expect(await page.locator('#case-map-caption').innerText()).toContain(finding.taken_on);
    await settleCaseMap();
    await page.screenshot({ path: join(SCREENSHOTS, 'case-file-step.png') });
  });

  it('prints as a one-page A4 brief without buttons', SLOW_TEST, async () => {
    const { page } = session;
    const viewport = page.viewportSize()!;
    try {
      await page.emulateMedia({ media: 'print' });
      // A4 less the page's margins (186 mm wide at 96 px per inch).
      await page.setViewportSize({ width: 703, height: 1032 });
      await settleCaseMap();
      for (const selector of ['#case-print', '#language-switch', '.case-show-all', '#map-link']) {
        expect(await page.locator(selector).isVisible(), selector).toBe(false);
      }
      expect(await page.locator('.case-step').first().isVisible()).toBe(true);
      expect(await page.locator('#case-map canvas').isVisible()).toBe(true);
      await page.screenshot({ path: join(SCREENSHOTS, 'case-brief-print.png'), fullPage: true });
      const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
      await writeFile(join(SCREENSHOTS, 'case-brief.pdf'), pdf);
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
      expect(pages.length, 'pages of the printed brief').toBe(1);
    } finally {
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize(viewport);
    }
  });

  it('filters the list by status, by overdue follow-ups and by the place in the address', SLOW_TEST, async () => {
    const { page, origin } = session;
    await page.goto(`${origin}/cases.html`);
    await casesReady();
    const rows = page.locator('#case-list .case-row');
    const all = await get<CaseList>('/api/cases');
    await poll(() => rows.count()).toBe(all.cases.length);
    expect(await rows.first().locator('.case-link').innerText()).toBe(bitale.title);
    expect(await rows.first().locator('.cell-status').innerText()).toBe(STATUS_WORDS[bitale.status].fr);

    for (const status of [bitale.status, CASE_STATUSES.find((s) => s !== bitale.status)!]) {
      const expected = await get<CaseList>(`/api/cases?status=${status}`);
      await page.locator('#filter-status').selectOption(status);
      await poll(() => page.locator('#cases-status').getAttribute('data-state')).toBe('ready');
      await poll(() => rows.count()).toBe(expected.cases.length);
      expect(new URL(page.url()).searchParams.getAll('status')).toEqual([status]);
    }
    expect(await page.locator('#cases-status').innerText()).toBe('Aucun dossier');
    await page.locator('#filter-status').selectOption('');
    await page.locator('#filter-overdue').check();
    const overdue = await get<CaseList>('/api/cases?overdue=true');
    await poll(() => rows.count()).toBe(overdue.cases.length);

    // The working group's overdue follow-ups, as the API lists them.
    const followUps = await get<FollowUpList>('/api/cases/follow-ups?overdue=true');
    const followUpRows = page.locator('#overdue-follow-ups .follow-up-row');
    expect(await followUpRows.count()).toBe(followUps.follow_ups.length);
    expect(await followUpRows.first().innerText()).toContain(followUps.follow_ups[0]!.owner);
    expect(await followUpRows.first().innerText()).toContain(followUps.follow_ups[0]!.due_on);
    await page.screenshot({ path: join(SCREENSHOTS, 'case-list.png') });
    // In English, the vocabularies follow; the data stays as written.
    await page.getByRole('button', { name: 'English' }).click();
    await poll(() => page.locator('#cases-heading').innerText()).toBe('Case files');
    expect(await rows.first().locator('.cell-status').innerText()).toBe(STATUS_WORDS[bitale.status].en);
    expect(await rows.first().locator('.case-link').innerText()).toBe(bitale.title);
    await page.getByRole('button', { name: 'Français' }).click();
    await poll(() => page.locator('#cases-heading').innerText()).toBe('Dossiers');

    // As the map links to it: the claims of a zone.
    await page.goto(`${origin}/cases.html?${claimIds.map((id) => `claim_id=${id}`).join('&')}`);
    await casesReady();
    await poll(() => rows.count()).toBe(1);
    expect(await page.locator('.place-filter').innerText()).toContain(String(claimIds[0]));
    expect(session.consoleErrors).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  });

  it('opens a new case file from the form the map links to when a zone has none', SLOW_TEST, async () => {
    const { page, origin } = session;
    await page.goto(`${origin}/cases.html?new=1&claim_id=${claimIds[0]}`);
    await casesReady();
    expect(await page.locator(`#new-place-claim-${claimIds[0]}`).isChecked()).toBe(true);
    await page.locator('#new-title').fill('Dossier de test <b>pas du HTML</b>');
    await Promise.all([page.waitForURL((url) => url.searchParams.has('id')), page.locator('.case-form button[type="submit"]').click()]);
    await casesReady();
    expect(await page.locator('#page-title').innerText()).toBe('Dossier de test <b>pas du HTML</b>');
    const id = Number(new URL(page.url()).searchParams.get('id'));
    const created = await get<CaseFile>(`/api/cases/${id}`);
    expect(created.places).toEqual([{ kind: 'claim', record_id: claimIds[0], name: null, coordinates: null }]);
    expect(created.status).toBe('referred');
    expect(session.consoleErrors).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  });
});
