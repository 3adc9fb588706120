import { existsSync, readFileSync, readdirSync } from 'node:fs';
import type { Feature } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../support/test-app.js';
import { FIXTURES } from '../../support/fixtures.js';
import { clearFixtureTables, loadContestedFixture, type ContestedFixture } from './load-contested-fixture.js';
import { turfContestedHectares } from './turf-contested-area.js';

interface Expected {
  zones: { claimants: string[]; rules: string[]; severity: string; zea: string[] }[];
  rejected?: number;
}

/** `true/` holds cases that must produce contested zones, `false/` cases that must not. */
function cases(folder: 'true' | 'false'): Array<[string, ContestedFixture, Expected]> {
  const dir = new URL(`contested/${folder}/`, FIXTURES);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.geojson'))
    .sort()
    .map((f) => {
      const name = f.replace(/\.geojson$/, '');
      const expectedFile = new URL(`${name}.expected.json`, dir);
      const expected: Expected = existsSync(expectedFile) ? JSON.parse(readFileSync(expectedFile, 'utf8')) : { zones: [] };
      return [name, JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as ContestedFixture, expected];
    });
}

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(async () => {
  await t?.close();
});

async function contested(query: string): Promise<Feature[]> {
  const res = await t.app.inject({ method: 'GET', url: `/api/analysis/contested?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().features;
}

type ClaimantOut = { cooperative_id: number; contested_share: number };

describe.each([['true' as const], ['false' as const]])('contested-zone fixtures in %s/', (folder) => {
  it.each(cases(folder))('%s', async (_name, fixture, expected) => {
    await clearFixtureTables(t.db);
    const { letterOf, rejected } = await loadContestedFixture(t.db, fixture);
    expect(rejected).toBe(expected.rejected ?? 0);

    const zones = await contested(`date=${fixture.date}`);
    const summary = zones
      .map((z) => {
        const p = z.properties!;
        return {
          claimants: [...new Set((p.claimants as ClaimantOut[]).map((c) => letterOf.get(c.cooperative_id)!))].sort(),
          rules: p.rules,
          severity: p.severity,
          zea: (p.zones as { code: string }[]).map((x) => x.code),
        };
      })
      .sort((a, b) => a.claimants.join().localeCompare(b.claimants.join()));
    expect(summary).toEqual(expected.zones);

    // Area against an independent computation: Turf on the sphere, PostGIS on the spheroid.
    if (folder === 'true') {
      const ours = zones.reduce((sum, z) => sum + (z.properties!.area_ha as number), 0);
      const turf = turfContestedHectares(fixture);
      expect(turf).toBeGreaterThan(0);
      expect(Math.abs(ours - turf) / turf).toBeLessThan(0.01);
    }
  });
});

describe('the analysis as seen by a client', () => {
  beforeAll(async () => {
    await clearFixtureTables(t.db);
    const [, fixture] = cases('true').find(([name]) => name === 'bitale-militarised')!;
    await loadContestedFixture(t.db, fixture);
  });

  it('explains every rule with its evidence records and a severity reason', async () => {
    const [zone] = await contested('date=2019-06-01');
    const p = zone!.properties!;
    const hits = p.rule_hits as { rule: string; reason: string; evidence: { layer: string; id: number; why: string }[] }[];
    expect(hits.map((h) => h.rule)).toEqual(['R5', 'R6', 'R7']);
    for (const hit of hits) {
      expect(hit.reason.length).toBeGreaterThan(10);
      expect(hit.evidence.length).toBeGreaterThan(0);
    }
    expect(hits.find((h) => h.rule === 'R6')!.evidence[0]).toMatchObject({ layer: 'presence', why: expect.stringContaining('hired by') });
    expect(p.severity_reason).toContain('incident');
    expect((p.incidents as unknown[]).length).toBe(1);
    for (const c of p.claimants as ClaimantOut[]) expect(c.contested_share).toBeGreaterThan(0);
  });

  it('answers as of the date: nothing before the claims start', async () => {
    expect(await contested('date=2017-06-01')).toEqual([]);
  });

  it('lets near_km decide which incidents count (the clash is about 1 km away)', async () => {
    const [wide] = await contested('date=2019-06-01&near_km=5');
    const [narrow] = await contested('date=2019-06-01&near_km=0.5');
    expect((wide!.properties!.incidents as unknown[]).length).toBe(1);
    expect((narrow!.properties!.incidents as unknown[]).length).toBe(0);
  });

  it('raises min_area_ha above the overlap and the zone is gone', async () => {
    const [zone] = await contested('date=2019-06-01');
    const area = zone!.properties!.area_ha as number;
    expect(await contested(`date=2019-06-01&min_area_ha=${Math.ceil(area + 1)}`)).toEqual([]);
  });

  it('keeps to the bbox', async () => {
    expect(await contested('date=2019-06-01&bbox=29,-1,29.1,-0.9')).toEqual([]);
    expect(await contested('date=2019-06-01&bbox=28.5,-2.3,28.7,-2.1')).toHaveLength(1);
  });

  it.each([
    ['date=2019-02-30', 'date'],
    ['min_share=2', 'min_share'],
    ['near_km=-1', 'near_km'],
    ['bbox=1,2,3', 'bbox'],
    ['colour=red', 'colour'],
  ])('refuses %s with a 400 naming %s', async (query, word) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/analysis/contested?${query}` });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain(word);
  });
});
