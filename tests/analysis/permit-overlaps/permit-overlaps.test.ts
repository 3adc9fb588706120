import { readFileSync } from 'node:fs';
import { area, bboxPolygon, booleanIntersects, booleanWithin, featureCollection, intersect } from '@turf/turf';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PermitOverlaps } from '../../../server/analysis/permit-overlaps/permit-overlaps-schema.js';
import { importGeoJson } from '../../../server/import/import-geojson.js';
import { LAYERS } from '../../../server/layers/registry.js';
import { openTestApp, type TestApp } from '../../support/test-app.js';

/**
 * R12 through `GET /api/analysis/permit-overlaps` and the priorities, on the real CAMI titles
 * of South Kivu: a claim drawn inside a Banro research permit, a ZEA drawn over Twangiza's
 * exploitation permit, and a claim where the cadastre has no title.
 */
const CAMI = JSON.parse(readFileSync(new URL('../../../data/cami/permits-south-kivu.geojson', import.meta.url), 'utf8')) as FeatureCollection<Polygon>;
const titleOf = (code: string) => CAMI.features.find((f) => f.properties!.code === code)!;
const BANRO = titleOf('1557'); // PR (AS), BANRO CONGO MINING Sarl, 2007-02-05 – 2012-02-04, under force majeure
const TWANGIZA = titleOf('40'); // PE, TWANGIZA MINING, 1998-12-17 – 2016-09-18
const IN_FORCE = '2010-06-01';
const AFTER_EXPIRY = '2013-01-01';

/** A square of `half` degrees around the first point of a 0.002° grid whose square lies wholly inside `title`. */
function squareInside(title: Feature<Polygon>, half = 0.004): Polygon {
  const [west, south, east, north] = [0, 1, 2, 3]
    .map((i) => title.geometry.coordinates[0]!.map((c) => c[i % 2]!))
    .map((v, i) => (i < 2 ? Math.min(...v) : Math.max(...v)));
  for (let lat = south! + half; lat <= north! - half; lat += 0.002)
    for (let lon = west! + half; lon <= east! - half; lon += 0.002) {
      const square = bboxPolygon([lon - half, lat - half, lon + half, lat + half]);
      if (booleanWithin(square, title)) return square.geometry;
    }
  throw new Error(`no square inside ${title.properties!.code}`);
}
const sharedHa = (a: Polygon, b: Feature<Polygon>) => area(intersect(featureCollection([{ type: 'Feature', geometry: a, properties: {} }, b]))!) / 10_000;

const CLAIM_ON_BANRO = squareInside(BANRO);
const ZEA_ON_TWANGIZA = squareInside(TWANGIZA, 0.006);
/** Bitale (data/demo): no title of the extract comes near it. */
const CLAIM_AWAY = bboxPolygon([28.625, -2.215, 28.635, -2.205]).geometry;

let t: TestApp;
const ids: Record<string, number> = {};
beforeAll(async () => {
  t = await openTestApp();
  const report = await importGeoJson(t.db, LAYERS.permits, CAMI, 'cami/permits-south-kivu.geojson');
  expect(report.rejected).toEqual([]);
  const post = async (layer: string, geometry: unknown, properties: Record<string, unknown>) => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/${layer}`,
      payload: { type: 'Feature', geometry, properties: { source: 'test', ...properties } },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as number;
  };
  ids.coop = await post('cooperatives', null, { name: 'Coopérative test Luhwindja', legal_status: 'authorised', source_id: 'coop' });
  ids.onBanro = await post('claims', CLAIM_ON_BANRO, {
    cooperative_id: ids.coop,
    name: 'Test claim on Banro',
    basis: 'occupation',
    valid_from: '2009-01-01',
    source_id: 'on-banro',
  });
  ids.away = await post('claims', CLAIM_AWAY, {
    cooperative_id: ids.coop,
    name: 'Test claim at Bitale',
    basis: 'occupation',
    valid_from: '2009-01-01',
    source_id: 'away',
  });
  ids.zea = await post('zones', ZEA_ON_TWANGIZA, { code: 'ZEA-TEST-TWANGIZA', province: 'Sud-Kivu', territory: 'Mwenga', source_id: 'zea-twangiza' });
}, 120_000);
afterAll(() => t?.close());

async function overlaps(query: string): Promise<PermitOverlaps> {
  const res = await t.app.inject({ method: 'GET', url: `/api/analysis/permit-overlaps?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toContain('application/geo+json');
  return res.json() as PermitOverlaps;
}
const subject = (answer: PermitOverlaps, layer: string, id: number) =>
  answer.features.find((f) => f.properties.subject_layer === layer && f.properties.subject_id === id);

describe('R12 on the real CAMI titles', () => {
  it('has its test shapes where they should be: inside the Banro and Twangiza titles, and the Bitale claim clear of every title', () => {
    expect(BANRO.properties!.parties).toMatch(/^BANRO/);
    expect(TWANGIZA.properties!.parties).toBe('TWANGIZA MINING');
    expect(CAMI.features.filter((f) => booleanIntersects(f, CLAIM_AWAY))).toEqual([]);
  });

  it('fires on a claim drawn inside a Banro permit in force, naming Banro and the hectares', async () => {
    const answer = await overlaps(`date=${IN_FORCE}`);
    const hit = subject(answer, 'claims', ids.onBanro!);
    expect(hit, JSON.stringify(answer.features.map((f) => f.id))).toBeDefined();
    expect(hit!.properties.rules).toEqual(['R12']);
    const banro = hit!.properties.permits.find((p) => p.code === '1557')!;
    expect(banro).toMatchObject({ holder: 'BANRO CONGO MINING Sarl', permit_type: 'pr_as', permit_status: 'force_majeure' });
    // The whole claim lies in the permit: PostGIS (spheroid) against Turf (sphere), within 1 %.
    expect(banro.overlap_ha).toBeGreaterThan(0);
    expect(Math.abs(banro.overlap_ha - sharedHa(CLAIM_ON_BANRO, BANRO)) / banro.overlap_ha).toBeLessThan(0.01);
    expect(hit!.properties.holders).toContain('BANRO CONGO MINING Sarl');
    const [rule] = hit!.properties.rule_hits;
    expect(rule!.reason).toContain('BANRO CONGO MINING Sarl');
    expect(rule!.reason).toContain(`${banro.overlap_ha.toFixed(1)} ha`);
    expect(rule!.evidence).toContainEqual(expect.objectContaining({ layer: 'claims', id: ids.onBanro }));
  });

  it('fires on a ZEA over the Twangiza exploitation permit, naming its holder', async () => {
    const hit = subject(await overlaps(`date=${IN_FORCE}`), 'zones', ids.zea!);
    expect(hit).toBeDefined();
    expect(hit!.properties.label).toBe('ZEA-TEST-TWANGIZA');
    expect(hit!.properties.permits.map((p) => [p.code, p.holder])).toContainEqual(['40', 'TWANGIZA MINING']);
    expect(hit!.properties.overlap_ha).toBeGreaterThan(100);
  });

  it('does not fire on a claim away from every title', async () => {
    expect(subject(await overlaps(`date=${IN_FORCE}`), 'claims', ids.away!)).toBeUndefined();
  });

  it('does not name the Banro permit once it has expired', async () => {
    const hit = subject(await overlaps(`date=${AFTER_EXPIRY}`), 'claims', ids.onBanro!);
    expect(hit?.properties.permits.map((p) => p.code) ?? []).not.toContain('1557');
  });

  it('keeps to the bbox asked and to min_area_ha', async () => {
    const [w, s, e, n] = [28.6, -2.3, 28.7, -2.1];
    expect((await overlaps(`date=${IN_FORCE}&bbox=${w},${s},${e},${n}`)).features).toEqual([]);
    const big = await overlaps(`date=${IN_FORCE}&min_area_ha=100000`);
    expect(big.features).toEqual([]);
    expect(big.min_area_ha).toBe(100000);
  });

  it('serves the layer as of a date, the holder to partners and not to the public', async () => {
    const codesOn = async (date: string) =>
      ((await t.app.inject({ url: `/api/permits?date=${date}&limit=10000` })).json() as FeatureCollection).features.map((f) => f.properties!.code);
    expect(await codesOn(IN_FORCE)).toContain('1557');
    expect(await codesOn(AFTER_EXPIRY)).not.toContain('1557');
    const onePage = async (profile: string) =>
      ((await t.app.inject({ url: `/api/permits?date=${IN_FORCE}&bbox=28.1,-3.1,28.3,-2.9&profile=${profile}` })).json() as FeatureCollection).features.find(
        (f) => f.properties!.code === '1557',
      )!.properties!;
    expect(await onePage('partner')).toMatchObject({ holder: 'BANRO CONGO MINING Sarl', permit_type: 'pr_as' });
    const published = await onePage('public');
    expect(published).toMatchObject({ code: '1557', permit_type: 'pr_as', permit_status: 'force_majeure' });
    expect(published).not.toHaveProperty('holder');
    expect(published).not.toHaveProperty('source_id');
  });

  it('counts in the priorities: the ZEA gets the industrial_overlap factor with the holder and hectares', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/analysis/priorities?date=${IN_FORCE}&province=Sud-Kivu` });
    expect(res.statusCode, res.body).toBe(200);
    const zea = res.json().features.find((f: { properties: { label: string } }) => f.properties.label === 'ZEA-TEST-TWANGIZA');
    expect(zea).toBeDefined();
    const factor = zea.properties.factors.find((f: { factor: string }) => f.factor === 'industrial_overlap');
    expect(factor.value).toBeGreaterThanOrEqual(1);
    expect(factor.contribution).toBeGreaterThan(0);
    expect(factor.evidence.map((e: { why: string }) => e.why).join(' ')).toMatch(/TWANGIZA MINING on \d+(\.\d)? ha/);
    const off = await t.app.inject({ method: 'GET', url: `/api/analysis/priorities?date=${IN_FORCE}&province=Sud-Kivu&w_industrial_overlap=0` });
    const zeaOff = off.json().features.find((f: { properties: { label: string } }) => f.properties.label === 'ZEA-TEST-TWANGIZA');
    expect(zeaOff.properties.need).toBeCloseTo(zea.properties.need - factor.contribution, 2);
  });
});
