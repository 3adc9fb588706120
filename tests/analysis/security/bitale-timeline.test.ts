import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../support/demo-seed.js';
import { openTestApp, type TestApp } from '../../support/test-app.js';

/**
 * The flags rise and clear as the Bitale story unfolds in data/demo (see its README): army
 * hired onto the site (Nov 2018), moved into the town with extortion and torture (Mar–Aug
 * 2019), withdrawn (15 Aug 2019), Mining Police deployed (1 Sep 2019).
 */
let t: TestApp;
let bitaleSite: number;
let bitaleRoute: number;
beforeAll(async () => {
  t = await openTestApp();
  await seedDemo(t.db);
  [{ id: bitaleSite }] = (await t.db.query<{ id: number }>(`SELECT id::float8 AS id FROM sites WHERE pcode = 'codmine03107'`)) as [{ id: number }];
  [{ id: bitaleRoute }] = (await t.db.query<{ id: number }>(`SELECT id::float8 AS id FROM routes WHERE source_id = 'route-bitale-kalehe'`)) as [{ id: number }];
});
afterAll(() => t?.close());

async function get<T>(url: string): Promise<T> {
  const res = await t.app.inject({ method: 'GET', url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
}

type Flagged = { features: { properties: { level: string; rules: string[]; code?: string; site_id?: number } }[] };

async function zea798(date: string) {
  const zones = await get<Flagged>(`/api/analysis/zones?date=${date}`);
  return zones.features.find((f) => f.properties.code === 'ZEA-798-ILLUSTRATIVE')!.properties;
}
async function site(date: string, id: number) {
  const sites = await get<Flagged>(`/api/analysis/sites?date=${date}`);
  return sites.features.find((f) => f.properties.site_id === id)?.properties;
}
async function route(date: string) {
  const result = await get<{ routes: { route_id: number; militarised_km: number; rules: string[] }[] }>(`/api/analysis/routes?date=${date}`);
  return result.routes.find((r) => r.route_id === bitaleRoute)!;
}

describe('the Bitale timeline', () => {
  it('before the army arrives (June 2018): no military flag in ZEA 798, the road is clear', async () => {
    expect((await zea798('2018-06-01')).rules).not.toContain('R1');
    expect((await route('2018-06-01')).militarised_km).toBe(0);
  });

  it('army hired onto the site (January 2019): R1 at the site and in ZEA 798', async () => {
    expect((await site('2019-01-01', bitaleSite))!.rules).toContain('R1');
    const zone = await zea798('2019-01-01');
    expect(zone.rules).toContain('R1');
    expect(zone.level).toBe('red');
  });

  it('troops in the town (June 2019): R1 and R2 in ZEA 798; the Bitale road militarised by the barrier (R8) and the extortion (R9)', async () => {
    expect((await zea798('2019-06-15')).rules).toEqual(expect.arrayContaining(['R1', 'R2']));
    const road = await route('2019-06-15');
    expect(road.militarised_km).toBeGreaterThan(0);
    expect(road.rules).toEqual(['R8', 'R9']);
  });

  it('after the withdrawal (20 August 2019): R1 and R2 have cleared; the barrier is gone from the road', async () => {
    const zone = await zea798('2019-08-20');
    expect(zone.rules).not.toContain('R1');
    expect(zone.rules).not.toContain('R2');
    expect((await route('2019-08-20')).rules).not.toContain('R8');
  });

  it('after the Mining Police deployment (October 2019): ZEA 798 shows the expected actor (R4, info), nothing red', async () => {
    const zone = await zea798('2019-10-01');
    expect(zone.rules).toEqual(['R4']);
    expect(zone.level).toBe('info');
  });

  it('the road clears once the last extortions leave the 90-day window', async () => {
    expect((await route('2020-01-15')).militarised_km).toBe(0);
  });
});

describe('IPIS visits in Kalehe', () => {
  it('Mining Police taxation at Central (Numbi, visit of 2022) is R2; years later the same site is stale, not current', async () => {
    const [{ id }] = (await t.db.query<{ id: number }>(`SELECT id::float8 AS id FROM sites WHERE pcode = 'codmine00846'`)) as [{ id: number }];
    const in2022 = await site('2022-12-31', id);
    expect(in2022!.rules).toContain('R2');
    expect(in2022!.level).toBe('red');
    const later = await site('2026-11-28', id);
    expect(later!.level).toBe('stale');
    expect(later!.rules).toEqual([]);
  });
});
