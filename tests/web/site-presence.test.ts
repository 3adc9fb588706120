import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedDemo } from '../support/demo-seed.js';
import { describeInBrowser, openMapPage, type MapPage } from './browser-harness.js';

/**
 * Issue 14: a mine site shows current armed presence only when the analysis says it is
 * current on the page's date (R1–R4 judged by R11); an old observation is drawn apart, grey
 * with its year. On today's date every armed observation of the demo data (IPIS visits of
 * 2009–2013 and the 2018–2020 scenario) is stale; on the Bitale peak some are current.
 */
const PEAK = '2019-06-15';
const poll = expect.poll;

interface SiteFlags {
  features: { properties: { site_id: number; level: string; flags: { level: string }[] } }[];
}

/** The analysis's own answer, as the expectation: which sites have armed presence current, which only stale. */
function statesFromAnalysis(answer: SiteFlags): { current: number[]; stale: number[] } {
  const armed = (level: string) => level === 'red' || level === 'amber';
  const current = answer.features.filter((f) => armed(f.properties.level)).map((f) => f.properties.site_id);
  const stale = answer.features
    .filter((f) => f.properties.level === 'stale' && f.properties.flags.some((x) => armed(x.level)))
    .map((f) => f.properties.site_id);
  return { current: current.sort((a, b) => a - b), stale: stale.sort((a, b) => a - b) };
}

describeInBrowser('mine sites drawn with armed presence as the analysis judges it', () => {
  let session: MapPage<void>;

  /** The sites the map draws, by the state their symbol shows. */
  const drawnStates = () =>
    session.page.evaluate(() => {
      const { map } = window.__riskmap!;
      const byId = new Map(map.querySourceFeatures('sites').map((f) => [f.id as number, f.properties.presence_state as string | undefined]));
      const ids = (state: string) =>
        [...byId]
          .filter(([, s]) => s === state)
          .map(([id]) => id)
          .sort((a, b) => a - b);
      return { current: ids('current'), stale: ids('stale'), all: byId.size };
    });

  const analysis = async (date: string) => statesFromAnalysis((await session.app.inject({ url: `/api/analysis/sites?date=${date}` })).json() as SiteFlags);

  beforeAll(async () => {
    session = await openMapPage({ seed: (_app, db) => seedDemo(db) });
  });
  afterAll(async () => {
    await session?.close();
  });

  it('today: no stale observation drawn as current, each one drawn stale with its year', async () => {
    const today = await session.page.locator('#as-of-date').inputValue();
    const expected = await analysis(today);
    expect(expected.stale.length, 'the demo has old armed observations').toBeGreaterThan(0);
    const drawn = await drawnStates();
    expect(drawn.all).toBeGreaterThan(expected.stale.length);
    expect(drawn.current).toEqual(expected.current);
    expect(drawn.stale).toEqual(expected.stale);
    // The year beside a stale ring: the label layer draws only those.
    const years = await session.page.evaluate(() =>
      window.__riskmap!.map.queryRenderedFeatures({ layers: ['sites-stale-label'] }).map((f) => String(f.properties.presence_year)),
    );
    expect(years.length).toBeGreaterThan(0);
    for (const year of years) expect(year).toMatch(/^(19|20)\d\d$/);
    await session.screenshot('sites-stale-today.png');
  });

  it(`on ${PEAK}: the current armed presence drawn is exactly what the analysis says`, async () => {
    const { page } = session;
    await page.locator('#as-of-date').fill(PEAK);
    await poll(() => page.locator('#status').innerText()).toContain(PEAK);
    await session.settle();
    const expected = await analysis(PEAK);
    expect(expected.current.length, 'armed presence current at the peak').toBeGreaterThan(0);
    const drawn = await drawnStates();
    expect(drawn.current).toEqual(expected.current);
    expect(drawn.stale).toEqual(expected.stale);
    await session.screenshot('sites-current-peak.png');
  });

  it('says in the legend what each ring means', async () => {
    const legend = session.page.locator('#legend');
    await expect.poll(() => legend.innerText()).toContain('présence armée observée il y a longtemps');
  });
});
