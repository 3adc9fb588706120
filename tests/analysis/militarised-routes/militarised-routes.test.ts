import { existsSync, readFileSync, readdirSync } from 'node:fs';
import type { Feature, FeatureCollection } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFeature } from '../../../server/layers/layer-store.js';
import { LAYERS } from '../../../server/layers/registry.js';
import { FIXTURES } from '../../support/fixtures.js';
import { openTestApp, type TestApp } from '../../support/test-app.js';

interface RouteFixture extends FeatureCollection {
  description: string;
  date: string;
  params: Record<string, number>;
}
interface Expected {
  rules: string[];
  segments: number[];
}

function cases(folder: 'true' | 'false'): Array<[string, RouteFixture, Expected | undefined]> {
  const dir = new URL(`security/routes/${folder}/`, FIXTURES);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.geojson'))
    .sort()
    .map((f) => {
      const name = f.replace(/\.geojson$/, '');
      const expected = new URL(`${name}.expected.json`, dir);
      return [name, JSON.parse(readFileSync(new URL(f, dir), 'utf8')), existsSync(expected) ? JSON.parse(readFileSync(expected, 'utf8')) : undefined];
    });
}

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t?.close());

async function load(fixture: RouteFixture): Promise<void> {
  await t.db.exec('TRUNCATE incidents, security_presence, roadblocks, routes RESTART IDENTITY CASCADE');
  for (const feature of fixture.features as Feature[]) {
    const { layer, ...properties } = feature.properties as Record<string, unknown>;
    await createFeature(t.db, LAYERS[layer as keyof typeof LAYERS], { geometry: feature.geometry, properties });
  }
}

async function analyse(fixture: RouteFixture, extra: Record<string, string | number> = {}) {
  const query = new URLSearchParams({
    date: fixture.date,
    ...Object.fromEntries(Object.entries({ ...fixture.params, ...extra }).map(([k, v]) => [k, String(v)])),
  });
  const res = await t.app.inject({ method: 'GET', url: `/api/analysis/routes?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as FeatureCollection & { routes: { militarised_km: number; length_km: number; militarised_share: number; rules: string[] }[] };
}

describe.each([['true' as const], ['false' as const]])('route fixtures in %s/', (folder) => {
  it.each(cases(folder))('%s', async (_name, fixture, expected) => {
    await load(fixture);
    const result = await analyse(fixture);
    const militarised = result.features.filter((f) => f.properties!.militarised);
    const [route] = result.routes;
    expect(route!.length_km).toBeCloseTo(10, 0);
    if (folder === 'false') {
      expect(militarised).toEqual([]);
      expect(route!.militarised_km).toBe(0);
      return;
    }
    expect(militarised.map((f) => f.properties!.segment)).toEqual(expected!.segments);
    expect(route!.rules).toEqual(expected!.rules);
    const km = militarised.reduce((sum, f) => sum + (f.properties!.length_m as number) / 1000, 0);
    expect(route!.militarised_km).toBeCloseTo(km, 1);
    expect(route!.militarised_share).toBeCloseTo(route!.militarised_km / route!.length_km, 3);
    for (const f of militarised) {
      const evidence = f.properties!.evidence as { rule: string; layer: string; id: number; why: string }[];
      expect(evidence.length).toBeGreaterThan(0);
      for (const e of evidence) expect(expected!.rules).toContain(e.rule);
    }
  });
});

describe('route analysis parameters', () => {
  beforeAll(async () => {
    await load(cases('true').find(([n]) => n === 'two-extortions-within-window')![1]);
  });

  it('k above the number of incidents clears R9', async () => {
    const [, fixture] = cases('true').find(([n]) => n === 'two-extortions-within-window')!;
    expect((await analyse(fixture, { k: 3 })).routes[0]!.militarised_km).toBe(0);
  });

  it('a date after the window clears it too: flags expire with their evidence', async () => {
    const [, fixture] = cases('true').find(([n]) => n === 'two-extortions-within-window')!;
    expect((await analyse({ ...fixture, date: '2019-09-01' })).routes[0]!.militarised_km).toBe(0);
  });

  it.each([
    ['buffer_m=-1', 'buffer_m'],
    ['segment_m=1', 'segment_m'],
    ['k=0', 'k'],
    ['date=yesterday', 'date'],
    ['speed=3', 'speed'],
  ])('refuses %s with a 400 naming %s', async (query, word) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/analysis/routes?${query}` });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain(word);
  });
});
