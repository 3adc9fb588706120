import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../support/demo-seed.js';
import { openTestApp, type TestApp } from '../../support/test-app.js';

/**
 * The deployment plan's two objectives on the demo data (issue #15). 2019-07-25 is the Bitale
 * peak: the two illustrative Bitale ZEAs rank first and second, while denser clusters of IPIS
 * sites that score on activity alone lie some 9 km away.
 */
const PEAK = '2019-07-25';
const BITALE = 'ZEA-798-ILLUSTRATIVE';

interface Placement {
  order: number;
  place: string;
  label: string;
  covers: string[];
  marginal_need: number;
  target: string | null;
  target_label: string | null;
}
interface Plan {
  objective: string;
  method: string;
  covered_need: number;
  features: Array<{ properties: Placement }>;
  uncovered_top: Array<{ rank: number; place: string; label: string; need: number }>;
  area: { province: string | null; home: boolean };
}
interface Ranked {
  id: string;
  properties: { rank: number; label: string; need: number };
}

let t: TestApp;
let bitaleKey: string;
beforeAll(async () => {
  t = await openTestApp();
  await seedDemo(t.db);
  const [row] = await t.db.query<{ id: number }>(`SELECT id::float8 AS id FROM zones WHERE code = $1`, [BITALE]);
  bitaleKey = `zone-${row!.id}`;
});
afterAll(() => t?.close());

async function plan(body: Record<string, unknown>): Promise<Plan> {
  const res = await t.app.inject({ method: 'POST', url: '/api/analysis/deployment-plan', payload: body });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
async function ranking(date: string): Promise<Ranked[]> {
  const res = await t.app.inject({ method: 'GET', url: `/api/analysis/priorities?date=${date}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().features;
}
const placements = (p: Plan) => p.features.map((f) => f.properties);
const coveredBy = (p: Plan) => new Set(placements(p).flatMap((u) => u.covers));

describe(`the plan on the Bitale peak, ${PEAK}`, () => {
  it(`ranks ${BITALE} first`, async () => {
    expect((await ranking(PEAK))[0]!.properties.label).toBe(BITALE);
  });

  it(`covers ${BITALE} with one unit by default (neediest first)`, async () => {
    const one = await plan({ units: 1, date: PEAK });
    expect(one.objective).toBe('neediest_first');
    expect(one.method).toContain('neediest first');
    expect(one.features).toHaveLength(1);
    expect(one.features[0]!.properties.target).toBe(bitaleKey);
    expect(one.features[0]!.properties.target_label).toBe(BITALE);
    expect(coveredBy(one).has(bitaleKey)).toBe(true);
    expect(one.uncovered_top.map((u) => u.place)).not.toContain(bitaleKey);
  });

  it('by coverage, as before: one unit goes where it covers the most summed need, which here leaves Bitale out', async () => {
    const coverage = await plan({ units: 1, date: PEAK, objective: 'coverage' });
    const neediest = await plan({ units: 1, date: PEAK });
    expect(coverage.objective).toBe('coverage');
    expect(coverage.features[0]!.properties.target).toBeNull();
    // One unit placed greedily is the best single placement: no other covers more.
    expect(coverage.covered_need).toBeGreaterThan(neediest.covered_need);
    expect(coveredBy(coverage).has(bitaleKey)).toBe(false);
    expect(coverage.uncovered_top.map((u) => u.place)).toContain(bitaleKey);
  });

  it('sends each unit for the neediest place still uncovered, stationed within reach of it', async () => {
    const ranked = await ranking(PEAK);
    const three = await plan({ units: 3, date: PEAK });
    const covered = new Set<string>();
    for (const unit of placements(three)) {
      const neediest = ranked.find((f) => !covered.has(f.id) && f.properties.need > 0)!;
      expect(unit.target, `unit ${unit.order}`).toBe(neediest.id);
      expect(unit.covers, `unit ${unit.order}`).toContain(neediest.id);
      unit.covers.forEach((k) => covered.add(k));
    }
  });

  it.each(['neediest_first', 'coverage'])('lists, by %s, the top-10 places no unit covers, in rank order', async (objective) => {
    const ranked = await ranking(PEAK);
    for (const units of [1, 3]) {
      const p = await plan({ units, date: PEAK, objective });
      const covered = coveredBy(p);
      const expected = ranked
        .slice(0, 10)
        .filter((f) => !covered.has(f.id))
        .map((f) => ({ rank: f.properties.rank, place: f.id, label: f.properties.label, need: f.properties.need }));
      expect(p.uncovered_top.map(({ rank, place, label, need }) => ({ rank, place, label, need }))).toEqual(expected);
      expect(p.uncovered_top.length).toBeLessThan(10);
    }
  });

  it('says its area: the home province when none is asked for', async () => {
    const p = await plan({ units: 1, date: PEAK });
    expect(p.area).toMatchObject({ province: 'Sud-Kivu', home: true });
  });
});
