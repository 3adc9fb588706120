import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../support/demo-seed.js';
import type { Change, Changes } from '../../../server/analysis/changes/changes-schema.js';
import { openTestApp, type TestApp } from '../../support/test-app.js';

/**
 * "Since the last meeting" (issue 15) on the demo's Bitale story: the dispute appears in late
 * 2018 and ends with the Bitale cooperative's claim (30 November 2019); the army's presence at
 * the site rises and clears; the road is militarised while the troops are in town.
 */
let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
  await seedDemo(t.db);
});
afterAll(() => t?.close());

async function changes(query: string): Promise<Changes> {
  const res = await t.app.inject({ method: 'GET', url: `/api/analysis/changes?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Changes;
}
const bitale = (c: Change) => c.kind === 'contested' && /Bitale/.test(c.name);

describe('GET /api/analysis/changes', () => {
  it('lists the Bitale contested zone appearing between 2018-08-01 and 2018-12-31, with its claims as evidence', async () => {
    const answer = await changes('from=2018-08-01&to=2018-12-31');
    const zone = answer.changes.find(bitale);
    expect(zone, JSON.stringify(answer.changes.map((c) => [c.kind, c.change, c.name]))).toMatchObject({ change: 'appeared', date: '2018-12-31' });
    // The evidence is the zone the map shows on `to`.
    const onMap = (await t.app.inject({ method: 'GET', url: '/api/analysis/contested?date=2018-12-31' })).json() as {
      features: { properties: { claimants: { claim_id: number }[]; rules: string[] } }[];
    };
    const claims = zone!.evidence.filter((e) => e.layer === 'claims').map((e) => e.id);
    const same = onMap.features.find((f) => f.properties.claimants.every((c) => claims.includes(c.claim_id)))!;
    expect(same).toBeDefined();
    expect(zone!.rules).toEqual(same.properties.rules);
    expect(answer.counts.rose).toBeGreaterThan(0);
  });

  it('lists it ending between 2019-10-01 and 2020-03-01, shown on the earlier date', async () => {
    const answer = await changes('from=2019-10-01&to=2020-03-01');
    expect(answer.changes.find(bitale)).toMatchObject({ change: 'ended', date: '2019-10-01', severity_after: null });
  });

  it('lists the army at the Bitale site rising when hired, the road militarised once the troops are in town, and the incidents between', async () => {
    const hired = await changes('from=2018-10-01&to=2019-01-01');
    const site = hired.changes.find((c) => c.kind === 'site' && c.change === 'rose' && c.rules.includes('R1'));
    expect(site, 'R1 at a site').toBeDefined();
    expect(site!.evidence.length).toBeGreaterThan(0);
    for (const change of hired.changes) {
      const keys = change.evidence.map((e) => `${e.layer}:${e.id}`);
      expect(new Set(keys).size, `${change.name}: each record once`).toBe(keys.length);
    }
    const answer = await changes('from=2018-10-01&to=2019-06-15');
    const road = answer.changes.find((c) => c.kind === 'route' && c.change === 'rose');
    expect(road).toMatchObject({ km_before: 0 });
    expect(road!.km_after).toBeGreaterThan(0);
    expect(road!.evidence.length).toBeGreaterThan(0);
    // Serious incidents only by default; `all` lists every one between the two days.
    const layer = (await t.app.inject({ method: 'GET', url: '/api/incidents?limit=10000' })).json() as {
      features: { properties: { occurred_on: string; category: string } }[];
    };
    const between = layer.features.filter((f) => f.properties.occurred_on > '2018-10-01' && f.properties.occurred_on <= '2019-06-15');
    const serious = ['torture', 'sexual_violence', 'abduction', 'killing', 'armed_clash'];
    expect(answer.counts.incidents).toBe(between.filter((f) => serious.includes(f.properties.category)).length);
    expect((await changes('from=2018-10-01&to=2019-06-15&incidents=all')).counts.incidents).toBe(between.length);
  });

  it('refuses dates out of order, in words', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/analysis/changes?from=2020-01-01&to=2019-01-01' });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/after/);
  });
});
