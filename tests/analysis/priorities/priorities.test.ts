import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../support/demo-seed.js';
import { createFeature, deleteFeature } from '../../../server/layers/layer-store.js';
import { LAYERS } from '../../../server/layers/registry.js';
import { openTestApp, type TestApp } from '../../support/test-app.js';

interface Factor {
  factor: string;
  score: number;
  weight: number;
  contribution: number;
  evidence: unknown[];
}
interface Place {
  rank: number;
  kind: string;
  label: string;
  need: number;
  factors: Factor[];
}

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
  await seedDemo(t.db);
});
afterAll(() => t?.close());

async function priorities(query: string): Promise<Place[]> {
  const res = await t.app.inject({ method: 'GET', url: `/api/analysis/priorities?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().features.map((f: { properties: Place }) => f.properties);
}
const byLabel = (places: Place[]) => new Map(places.map((p) => [p.label, p]));
const factor = (place: Place, name: string) => place.factors.find((f) => f.factor === name)!;

describe('the Bitale zone through the story', () => {
  it('ranks first while the army occupies the town, for reasons the factors name', async () => {
    const places = await priorities('date=2019-06-15');
    const bitale = byLabel(places).get('ZEA-798-ILLUSTRATIVE')!;
    expect(bitale.rank).toBe(1);
    for (const name of ['contested', 'illegal_presence', 'incidents', 'militarised_routes']) {
      expect(factor(bitale, name).contribution, name).toBeGreaterThan(0);
      expect(factor(bitale, name).evidence.length, name).toBeGreaterThan(0);
    }
    expect(bitale.need).toBeCloseTo(
      bitale.factors.reduce((s, f) => s + f.contribution, 0),
      2,
    );
  });

  it('drops after the Mining Police deployment and the agreement: covered, no dispute, no army', async () => {
    const during = byLabel(await priorities('date=2019-06-15')).get('ZEA-798-ILLUSTRATIVE')!;
    const after = byLabel(await priorities('date=2020-06-01')).get('ZEA-798-ILLUSTRATIVE')!;
    expect(after.need).toBeLessThan(during.need / 3);
    expect(after.rank).toBeGreaterThan(3);
    expect(factor(after, 'contested').contribution).toBe(0);
    expect(factor(after, 'illegal_presence').contribution).toBe(0);
    expect(factor(after, 'pmh_coverage').contribution).toBeLessThan(0);
  });
});

describe('what the score means', () => {
  const DATE = '2019-06-15';

  it("adding an incident never lowers any place's need", async () => {
    const before = byLabel(await priorities(`date=${DATE}`));
    const incident = await createFeature(t.db, LAYERS.incidents, {
      // Inside the Bitale overlap, where every factor is already high: it must still not lower anything.
      geometry: { type: 'Point', coordinates: [28.63, -2.21] },
      properties: { occurred_on: '2019-06-01', category: 'torture' },
    });
    const after = await priorities(`date=${DATE}`);
    await deleteFeature(t.db, LAYERS.incidents, Number(incident.id));
    let raised = 0;
    for (const place of after) {
      expect(place.need, place.label).toBeGreaterThanOrEqual(before.get(place.label)!.need - 1e-9);
      if (place.need > before.get(place.label)!.need) raised += 1;
    }
    expect(raised).toBeGreaterThan(0);
  });

  it("adding lawful Mining Police coverage never raises any place's need", async () => {
    const before = byLabel(await priorities(`date=${DATE}`));
    const unit = await createFeature(t.db, LAYERS.presence, {
      geometry: { type: 'Point', coordinates: [28.8, -1.95] },
      properties: { actor_type: 'pmh', valid_from: '2019-06-01', observed_on: '2019-06-10' },
    });
    const after = await priorities(`date=${DATE}`);
    await deleteFeature(t.db, LAYERS.presence, Number(unit.id));
    let lowered = 0;
    for (const place of after) {
      expect(place.need, place.label).toBeLessThanOrEqual(before.get(place.label)!.need + 1e-9);
      if (place.need < before.get(place.label)!.need) lowered += 1;
    }
    expect(lowered).toBeGreaterThan(0);
  });

  it('everything else equal, the low-production zone ranks below the busy, precarious one', async () => {
    // Two identical zones far from the demo, each with the same incident at its centre.
    const ids: Array<[string, number]> = [];
    for (const [code, lon, production_level, worker_estimate] of [
      ['TEST-QUIET', 25.0, 'low', 40],
      ['TEST-BUSY', 25.5, 'high', 900],
    ] as const) {
      const zone = await createFeature(t.db, LAYERS.zones, {
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [lon, -5],
              [lon + 0.05, -5],
              [lon + 0.05, -4.95],
              [lon, -4.95],
              [lon, -5],
            ],
          ],
        },
        properties: { code, production_level, worker_estimate },
      });
      const incident = await createFeature(t.db, LAYERS.incidents, {
        geometry: { type: 'Point', coordinates: [lon + 0.025, -4.975] },
        properties: { occurred_on: '2019-06-01', category: 'extortion' },
      });
      ids.push(['zones', Number(zone.id)], ['incidents', Number(incident.id)]);
    }
    // Far from every site and naming no province: in no province's ranking, so every province is asked for.
    const places = byLabel(await priorities(`date=${DATE}&province=all`));
    for (const [layer, id] of ids.reverse()) await deleteFeature(t.db, LAYERS[layer as 'zones' | 'incidents'], id);
    const quiet = places.get('TEST-QUIET')!;
    const busy = places.get('TEST-BUSY')!;
    expect(factor(quiet, 'incidents').score).toBe(factor(busy, 'incidents').score);
    expect(busy.rank).toBeLessThan(quiet.rank);
    expect(busy.need - quiet.need).toBeCloseTo(factor(busy, 'activity').contribution - factor(quiet, 'activity').contribution, 2);
  });

  it.each(['contested', 'illegal_presence', 'incidents', 'militarised_routes', 'activity', 'certification', 'industrial_overlap', 'pmh_coverage'])(
    'a zero weight removes %s from every score',
    async (name) => {
      for (const place of await priorities(`date=${DATE}&w_${name}=0`)) {
        expect(factor(place, name).contribution).toBe(0);
      }
    },
  );
});

describe('the deployment plan', () => {
  it('by coverage, places the units in order, each with the need it adds, summing to the total covered', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/analysis/deployment-plan',
      payload: { units: 3, date: '2019-06-15', radius_km: 5, objective: 'coverage' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const plan = res.json();
    expect(plan.objective).toBe('coverage');
    expect(plan.features).toHaveLength(3);
    const marginals = plan.features.map((f: { properties: { marginal_need: number } }) => f.properties.marginal_need);
    expect([...marginals].sort((a: number, b: number) => b - a)).toEqual(marginals);
    expect(marginals.reduce((a: number, b: number) => a + b, 0)).toBeCloseTo(plan.covered_need, 2);
    expect(plan.covered_need).toBeLessThanOrEqual(plan.total_need);
    expect(plan.features[0].properties.covers).toContain(
      'zone-' + (await t.db.query<{ id: number }>(`SELECT id::float8 AS id FROM zones WHERE code = 'ZEA-798-ILLUSTRATIVE'`))[0]!.id,
    );
  });

  it.each([
    [{ units: 0 }, 'units'],
    [{ units: 2, w_incidents: -1 }, 'w_incidents'],
    [{ units: 2, colour: 'red' }, 'colour'],
    [{ units: 2, objective: 'fairest' }, 'objective'],
    [{}, 'units'],
  ])('refuses %j with a 400', async (body, word) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/analysis/deployment-plan', payload: body });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain(word);
  });
});
