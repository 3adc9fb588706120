import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../support/demo-seed.js';
import { militarisedRoutesOn, militarisedRoutesOnDays } from '../../../server/analysis/map-analyses.js';
import type { Timeline } from '../../../server/analysis/timeline/timeline-schema.js';
import { openTestApp, type TestApp } from '../../support/test-app.js';

/**
 * The strip along the map (issue 14) must say what the map would say on each month's last
 * day: its counts are checked here against the analyses the map draws, on the demo's Bitale
 * story, not against figures written down.
 */
let t: TestApp;
let timeline: Timeline;
beforeAll(async () => {
  t = await openTestApp();
  await seedDemo(t.db);
  timeline = await get<Timeline>('/api/analysis/timeline?to=2020-06-15&months=36');
});
afterAll(() => t?.close());

async function get<T>(url: string): Promise<T> {
  const res = await t.app.inject({ method: 'GET', url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
}

const monthOf = (month: string) => timeline.months.find((m) => m.month === month)!;

describe('GET /api/analysis/timeline', () => {
  it('gives the months asked, oldest first, each judged on its last day and the last one on `to`', () => {
    expect(timeline.months).toHaveLength(36);
    expect(timeline.months[0]!.month).toBe('2017-07');
    expect(monthOf('2019-02').date).toBe('2019-02-28');
    expect(timeline.months.at(-1)).toMatchObject({ month: '2020-06', date: '2020-06-15' });
  });

  it.each(['2018-08', '2019-03', '2019-07', '2019-12'])('counts in %s what the analyses find on that day', async (month) => {
    const { date, contested, militarised_km, armed_sites } = monthOf(month);
    const zones = await get<{ features: unknown[] }>(`/api/analysis/contested?date=${date}`);
    const routes = await get<{ routes: { militarised_km: number }[] }>(`/api/analysis/routes?date=${date}`);
    const sites = await get<{ features: { properties: { level: string } }[] }>(`/api/analysis/sites?date=${date}`);
    expect(contested).toBe(zones.features.length);
    expect(militarised_km).toBeCloseTo(
      routes.routes.reduce((sum, r) => sum + r.militarised_km, 0),
      1,
    );
    expect(armed_sites).toBe(sites.features.filter((f) => ['red', 'amber'].includes(f.properties.level)).length);
  });

  it('counts each month’s incidents from the layer', async () => {
    const layer = await get<{ features: { properties: { occurred_on: string } }[] }>('/api/incidents?limit=10000');
    for (const month of ['2018-11', '2019-06', '2020-01']) {
      expect(monthOf(month).incidents).toBe(layer.features.filter((f) => f.properties.occurred_on.startsWith(month)).length);
    }
  });

  it('shows the 2018–2019 conflict: zones contested and roads militarised then, not before', () => {
    const peak = timeline.months.filter((m) => m.month >= '2018-11' && m.month <= '2019-08');
    expect(Math.max(...peak.map((m) => m.contested))).toBeGreaterThan(0);
    expect(Math.max(...peak.map((m) => m.militarised_km))).toBeGreaterThan(0);
    expect(monthOf('2017-07').militarised_km).toBe(0);
  });

  it('runs the routes analysis on many days at once exactly as on each day alone', async () => {
    // Days with and without routes in force, within and beyond R9's window of each incident, twice one of them, many statements' worth.
    const days = [...timeline.months.map((m) => m.date), timeline.months[20]!.date];
    const together = await militarisedRoutesOnDays(t.db, days, undefined);
    expect([...together.keys()]).toEqual([...new Set(days)]);
    const militarisedOn = new Set<string>();
    for (const day of new Set(days)) {
      const alone = await militarisedRoutesOn(t.db, day, undefined);
      expect(together.get(day), day).toEqual(alone);
      if (alone.routes.some((r) => r.militarised_km > 0)) militarisedOn.add(day);
    }
    // Or the comparison proves little.
    expect(militarisedOn.size).toBeGreaterThan(0);
    expect(militarisedOn.size).toBeLessThan(new Set(days).size);
  });

  it('counts only the area asked', async () => {
    const far = await get<Timeline>('/api/analysis/timeline?to=2020-06-15&months=36&bbox=27.0,-4.0,27.1,-3.9');
    expect(far.months.every((m) => m.contested === 0 && m.incidents === 0 && m.armed_sites === 0 && m.militarised_km === 0)).toBe(true);
  });

  it('refuses more than ten years, in words', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/analysis/timeline?months=121' });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/months/);
  });
});

describe('a timeline asked again', () => {
  const url = '/api/analysis/timeline?to=2020-06-15&months=12';
  const count = (timeline: Timeline, ...months: string[]) => timeline.months.filter((m) => months.includes(m.month)).reduce((sum, m) => sum + m.incidents, 0);

  it('is kept while the data version stays, and counted anew once a write moves it', async () => {
    const first = await get<Timeline>(url);
    const july = await t.db.query<{ id: number }>(`SELECT id::float8 AS id FROM incidents WHERE occurred_on >= '2019-07-01' AND occurred_on < '2019-08-01'`);
    expect(july.length, 'the demo has incidents in July 2019').toBeGreaterThan(0);
    expect(count(first, '2019-07')).toBe(july.length);
    /** Moves them by `days` (into August and September), with or without the triggers that count a change (migration 007). */
    const move = (days: number, counted: boolean) =>
      t.db.exec(`${counted ? '' : 'SET session_replication_role = replica;'}
                 UPDATE incidents SET occurred_on = occurred_on + ${days} WHERE id IN (${july.map((r) => r.id).join(', ')});
                 SET session_replication_role = DEFAULT;`);
    try {
      // Written past the data version's trigger: only an answer computed anew could see it.
      await move(40, false);
      expect(await get<Timeline>(url)).toEqual(first);
      // Any write the triggers count moves the version, even one that changes nothing.
      await move(0, true);
      const anew = await get<Timeline>(url);
      expect(count(anew, '2019-07')).toBe(0);
      expect(count(anew, '2019-08', '2019-09')).toBe(count(first, '2019-08', '2019-09') + july.length);
    } finally {
      await move(-40, true);
    }
    expect(await get<Timeline>(url)).toEqual(first);
  });
});
