import { parse } from 'csv-parse/sync';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Download } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Change, Changes } from '../../server/analysis/changes/changes-schema.js';
import { createAccount } from '../../server/auth/accounts.js';
import { seedDemo } from '../support/demo-seed.js';
import { SCREENSHOTS, describeInBrowser, openMapPage, signInOnPage, type MapPage } from './browser-harness.js';

/**
 * Issue 15, "since the last meeting" (web/changes.html) on the demo's Bitale story: the
 * contested zone appears in late 2018 and ends in late 2019. Every expectation about what is
 * listed is read from the API's own answer for the same dates, so the test checks that the
 * page shows what the analysis says, not a copy of it.
 */
const APPEARED = { from: '2018-08-01', to: '2018-12-31' };
const ENDED = { from: '2019-10-01', to: '2020-03-01' };
/** A month in which nothing the map flags changes and no serious incident happens (checked against the API below). */
const QUIET = { from: '2019-06-01', to: '2019-07-01' };
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 90_000, interval: 100 });
const SLOW_TEST = { timeout: 240_000 };

type Period = { from: string; to: string };
const search = (p: Period, incidents = 'serious') => new URLSearchParams({ from: p.from, to: p.to, incidents }).toString();
const bitale = (c: Change) => c.kind === 'contested' && /Bitale/.test(c.name);

describeInBrowser('the "since the last meeting" page on the demo data in Chromium', () => {
  let session: MapPage<void>;
  const page = () => session.page;

  const api = async (p: Period, incidents = 'serious'): Promise<Changes> => {
    const res = await session.app.inject({ method: 'GET', url: `/api/analysis/changes?${search(p, incidents)}` });
    if (res.statusCode !== 200) throw new Error(`changes ${search(p)}: ${res.statusCode} ${res.body}`);
    return res.json() as Changes;
  };
  /** The list shows the answer for these dates (the page marks its root with the query it shows). */
  const shows = async (p: Period, incidents = 'serious') => {
    await poll(() => page().locator('#changes').getAttribute('data-query')).toBe(search(p, incidents));
    await poll(() => page().locator('#changes').getAttribute('data-state')).toMatch(/^(ready|empty)$/);
  };
  const items = () => page().locator('#changes-list .change-item');
  const itemOf = (c: Change) => page().locator(`.change-item[data-kind="${c.kind}"][data-change="${c.change}"][data-name="${c.name}"]`);

  beforeAll(async () => {
    session = await openMapPage({ seed: (_app, db) => seedDemo(db), path: `/changes.html?${search(APPEARED)}`, waitForMap: false });
  }, 120_000);
  afterAll(async () => {
    await session?.close();
  });

  it('lists the Bitale contested zone as appeared, with a link to the map on the later date and to its case files', SLOW_TEST, async () => {
    const answer = await api(APPEARED);
    const zone = answer.changes.find(bitale);
    expect(zone, 'the API lists the Bitale zone').toMatchObject({ change: 'appeared', date: APPEARED.to });
    await shows(APPEARED);

    expect(await items().count()).toBe(answer.changes.length);
    const item = itemOf(zone!);
    expect(await item.getAttribute('data-section')).toBe('rose');
    const line = await item.locator('.change-line').innerText();
    expect(line).toContain(zone!.name);
    expect(line).toMatch(/^Zone contestée apparue/);
    for (const rule of zone!.rules) expect(line).toContain(rule);

    const map = new URL((await item.locator('a.change-map').getAttribute('href'))!, session.origin);
    expect(map.pathname).toBe('/index.html');
    expect(map.searchParams.get('date')).toBe(APPEARED.to);
    expect(map.hash).toBe(`#view=13/${Math.round(zone!.lat * 1e5) / 1e5}/${Math.round(zone!.lon * 1e5) / 1e5}`);
    const cases = new URL((await item.locator('a.change-case').getAttribute('href'))!, session.origin);
    expect(cases.pathname).toBe('/cases.html');
    const claims = zone!.evidence.filter((e) => e.layer === 'claims').map((e) => String(e.id));
    expect(cases.searchParams.getAll('claim_id').sort()).toEqual([...new Set(claims)].sort());
    // Only contested zones lead to case files.
    expect(await page().locator('.change-item:not([data-kind="contested"]) a.change-case').count()).toBe(0);

    // Each heading counts its section as the API counts it.
    expect(await page().locator('#changes-rose .changes-section-title').innerText()).toContain(`(${answer.counts.rose})`);
    expect(await page().locator('#changes-cleared .changes-section-title').innerText()).toContain(`(${answer.counts.cleared})`);
    expect(await page().locator('#changes-incidents .changes-section-title').innerText()).toContain(`(${answer.counts.incidents})`);
    expect(await page().locator('#changes-incidents .change-item').count()).toBe(answer.counts.incidents);
    // Incidents by the vocabulary's label, never their code.
    expect(await page().locator('#changes-incidents').innerText()).not.toContain('armed_clash');
    expect(await page().locator('#changes-period').innerText()).toContain(APPEARED.from);
    expect(await page().locator('#map-link').getAttribute('href')).toBe(`./index.html?date=${APPEARED.to}`);
    await session.screenshot('changes.png');
    // On a phone: one column, the form above the list.
    await page().setViewportSize({ width: 390, height: 844 });
    try {
      await page().screenshot({ path: join(SCREENSHOTS, 'changes-phone.png'), fullPage: true });
    } finally {
      await page().setViewportSize({ width: 1280, height: 800 });
    }
  });

  it('downloads the list as CSV for the minutes, one row per change', SLOW_TEST, async () => {
    const answer = await api(APPEARED);
    const [download] = (await Promise.all([page().waitForEvent('download'), page().click('#changes-csv')])) as [Download, void];
    expect(download.suggestedFilename()).toBe(`changes-${APPEARED.from}-${APPEARED.to}.csv`);
    const rows = parse(await readFile((await download.path())!, 'utf8')) as string[][];
    const header = rows[0]!;
    expect(header.slice(0, 11)).toEqual([
      'section',
      'kind',
      'change',
      'name',
      'date',
      'rules',
      'severity_before',
      'severity_after',
      'km_before',
      'km_after',
      'category',
    ]);
    expect(rows).toHaveLength(answer.changes.length + 1);
    const zone = answer.changes.find(bitale)!;
    const row = rows.find((r) => r[header.indexOf('name')] === zone.name && r[header.indexOf('kind')] === 'contested')!;
    expect(row[header.indexOf('change')]).toBe('appeared');
    expect(row[header.indexOf('section')]).toBe('rose');
    expect(new URL(row[header.indexOf('map_link')]!).searchParams.get('date')).toBe(APPEARED.to);
  });

  it('prints a clean list for the minutes: the period and area in the heading, no form, no buttons, no links', SLOW_TEST, async () => {
    await page().emulateMedia({ media: 'print' });
    try {
      expect(await page().locator('#changes-controls').isVisible()).toBe(false);
      expect(await page().locator('#changes-csv').isVisible()).toBe(false);
      expect(await page().locator('.change-links').first().isVisible()).toBe(false);
      expect(await page().locator('.header-nav').isVisible()).toBe(false);
      expect(await page().locator('#changes-period').innerText()).toContain(APPEARED.to);
      expect(await page().locator('#changes-period-area').isVisible()).toBe(true);
      expect(await page().locator('.change-line').first().isVisible()).toBe(true);
      // A4 at 96 dpi, less the page's margins: about what the paper shows.
      await page().setViewportSize({ width: 710, height: 1000 });
      await page().screenshot({ path: join(SCREENSHOTS, 'changes-print.png'), fullPage: true });
    } finally {
      await page().setViewportSize({ width: 1280, height: 800 });
      await page().emulateMedia({ media: 'screen' });
    }
  });

  it('takes new dates from its form, keeps them in the address, and lists the Bitale zone as ended', SLOW_TEST, async () => {
    const answer = await api(ENDED);
    const zone = answer.changes.find(bitale);
    expect(zone, 'the API lists the Bitale zone').toMatchObject({ change: 'ended', date: ENDED.from });

    // The later date first would put them out of order: the page says so and asks nothing.
    await page().fill('#changes-from', ENDED.from);
    await poll(() => page().locator('#changes-period-error').isVisible()).toBe(true);
    expect(await page().locator('#changes-from').getAttribute('aria-invalid')).toBe('true');
    await page().fill('#changes-to', ENDED.to);
    await shows(ENDED);
    expect(await page().locator('#changes-period-error').isVisible()).toBe(false);
    expect(new URL(page().url()).search).toBe(`?${search(ENDED)}`);

    expect(await items().count()).toBe(answer.changes.length);
    const item = itemOf(zone!);
    expect(await item.getAttribute('data-section')).toBe('cleared');
    expect(await item.locator('.change-line').innerText()).toMatch(/^Zone contestée terminée/);
    expect(new URL((await item.locator('a.change-map').getAttribute('href'))!, session.origin).searchParams.get('date')).toBe(ENDED.from);
  });

  it('switches to English: headings, lines and links in English, the data as it is', SLOW_TEST, async () => {
    const answer = await api(ENDED);
    const zone = answer.changes.find(bitale)!;
    const french = await page().locator('#changes-cleared .changes-section-title').innerText();
    await page().click('#language-switch button[data-lang="en"]');
    try {
      await poll(() => page().locator('html').getAttribute('lang')).toBe('en');
      const english = await page().locator('#changes-cleared .changes-section-title').innerText();
      expect(english).not.toBe(french);
      expect(english).toContain(`(${answer.counts.cleared})`);
      const line = await itemOf(zone).locator('.change-line').innerText();
      expect(line).toMatch(/^Contested zone ended/);
      expect(line).toContain(zone.name);
      expect(await itemOf(zone).locator('a.change-map').innerText()).toBe('See on the map');
      expect(await page().locator('#page-title').innerText()).toBe('Since the last meeting');
      expect(await page().title()).toBe('Since the last meeting');
      await session.screenshot('changes-english.png');
    } finally {
      await page().click('#language-switch button[data-lang="fr"]');
    }
  });

  it('says in words when nothing changed, and lists every incident when asked', SLOW_TEST, async () => {
    const quiet = await api(QUIET);
    expect(quiet.changes, 'nothing changes in the demo in June 2019').toEqual([]);
    await page().goto(`${session.origin}/changes.html?${search(QUIET)}`);
    await shows(QUIET);
    expect(await page().locator('#changes').getAttribute('data-state')).toBe('empty');
    expect(await page().locator('#changes-status').innerText()).toMatch(/^Rien n’a changé/);
    expect(await items().count()).toBe(0);

    const all = await api(APPEARED, 'all');
    await page().goto(`${session.origin}/changes.html?${search(APPEARED)}`);
    await shows(APPEARED);
    await page().check('#changes-incidents-all');
    await shows(APPEARED, 'all');
    expect(await page().locator('#changes-incidents .change-item').count()).toBe(all.counts.incidents);
    expect(await page().locator('#changes-incidents .changes-section-title').innerText()).not.toContain('graves');
  });

  it('shows the area the map sent, and drops it on request', SLOW_TEST, async () => {
    const box = '28.5,-2.3,28.7,-2.1';
    const res = await session.app.inject({ method: 'GET', url: `/api/analysis/changes?${search(APPEARED)}&bbox=${box}` });
    const inBox = res.json() as Changes;
    await page().goto(`${session.origin}/changes.html?${search(APPEARED)}&bbox=${box}`);
    await poll(() => page().locator('#changes').getAttribute('data-query')).toBe(`${search(APPEARED)}&bbox=${encodeURIComponent(box)}`);
    await poll(() => page().locator('#changes').getAttribute('data-state')).toBe('ready');
    expect(await items().count()).toBe(inBox.changes.length);
    expect(await page().locator('#changes-area').innerText()).toContain('28,5');
    expect(await page().locator('#changes-period-area').innerText()).toContain('28,7');
    await page().click('#changes-area-clear');
    await shows(APPEARED);
    expect(new URL(page().url()).searchParams.has('bbox')).toBe(false);
    expect(await items().count()).toBe((await api(APPEARED)).changes.length);
  });

  it('is linked from the priorities page, whose header still fits a phone', SLOW_TEST, async () => {
    await page().goto(`${session.origin}/priorities.html?date=${APPEARED.to}`);
    await poll(() => page().locator('#changes-link').innerText()).toBe('Depuis la dernière réunion');
    await page()
      .locator('.app-header')
      .screenshot({ path: join(SCREENSHOTS, 'changes-priorities-header.png') });
    await page().setViewportSize({ width: 390, height: 844 });
    try {
      const link = page().locator('#changes-link');
      await poll(() => link.innerText()).toBe('Depuis la dernière réunion');
      expect(await link.getAttribute('href')).toBe('./changes.html');
      await page()
        .locator('.app-header')
        .screenshot({ path: join(SCREENSHOTS, 'changes-priorities-header-phone.png') });
      // Nothing in the header runs off the screen.
      const right = await page().evaluate(() => Math.max(...[...document.querySelectorAll('.app-header *')].map((e) => e.getBoundingClientRect().right)));
      expect(right).toBeLessThanOrEqual(390);
    } finally {
      await page().setViewportSize({ width: 1280, height: 800 });
    }
  });

  it('left no error in the page', () => {
    expect(session.pageErrors).toEqual([]);
    expect(session.consoleErrors).toEqual([]);
    expect(session.outsideRequests).toEqual([]);
  });
});

describeInBrowser('the "since the last meeting" page for a partner', () => {
  const PARTNER = { username: 'partenaire', password: 'lecture seule 2026' };
  let session: MapPage<void>;

  beforeAll(async () => {
    session = await openMapPage({
      demo: false,
      seed: async (_app, db) => {
        await createAccount(db, { username: PARTNER.username, role: 'partner', password: PARTNER.password });
      },
      path: '/login.html',
      waitForMap: false,
    });
  }, 120_000);
  afterAll(async () => {
    await session?.close();
  });

  it('says in words that the page is the working group’s', SLOW_TEST, async () => {
    await signInOnPage(session.page, session.origin, PARTNER, `/changes.html?${search(APPEARED)}`);
    await poll(() => session.page.locator('#changes-status').getAttribute('data-state')).toBe('forbidden');
    expect(await session.page.locator('#changes-status').innerText()).toContain('groupe de travail');
    expect(await session.page.locator('.change-item').count()).toBe(0);
    expect(await session.page.locator('#changes-csv').isDisabled()).toBe(true);
  });
});
