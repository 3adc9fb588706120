import { area, featureCollection, intersect, polygon } from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, openTestApp, type TestApp } from '../../support/test-app.js';
import { readFixtures } from '../../support/fixtures.js';
import { loadContestedFixture, type ContestedFixture } from '../contested/load-contested-fixture.js';

let t: TestApp;
let fixture: ContestedFixture;
let letterOf: Map<number, string>;
const idOf = (letter: string) => [...letterOf].find(([, l]) => l === letter)![0];

beforeAll(async () => {
  t = await openTestApp();
  // Two cooperatives' claims, A authorised and B unrecognised, as in the Bitale case.
  fixture = readFixtures<ContestedFixture>('contested/true').find(([name]) => name === 'bitale-militarised')![1];
  ({ letterOf } = await loadContestedFixture(t.db, fixture));
});
afterAll(() => t?.close());

const claimOf = (letter: string) =>
  (fixture.features as Feature<Polygon>[]).find((f) => f.properties!.layer === 'claims' && f.properties!.cooperative === letter)!;
const drawn: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [28.595, -2.215],
      [28.615, -2.215],
      [28.615, -2.195],
      [28.595, -2.195],
      [28.595, -2.215],
    ],
  ],
};

async function check(body: object) {
  return t.app.inject({ method: 'POST', url: '/api/analysis/claim-overlaps', payload: body });
}

describe('POST /api/analysis/claim-overlaps', () => {
  it('lists the claims a drawn claim overlaps, with hectares that Turf agrees with', async () => {
    const res = await check({ geometry: drawn, valid_from: fixture.date });
    expect(res.statusCode, res.body).toBe(200);
    const { area_ha, overlaps } = res.json();
    expect(overlaps.map((o: { cooperative_id: number }) => letterOf.get(o.cooperative_id))).toEqual(['A']);
    const turfOverlap = area(intersect(featureCollection([polygon(drawn.coordinates), claimOf('A')]))!) / 10_000;
    expect(Math.abs(overlaps[0].overlap_ha - turfOverlap) / turfOverlap).toBeLessThan(0.01);
    expect(Math.abs(area_ha - area(polygon(drawn.coordinates)) / 10_000) / area_ha).toBeLessThan(0.01);
    expect(overlaps[0].share_of_new).toBeCloseTo(overlaps[0].overlap_ha / area_ha, 3);
    expect(overlaps[0].cooperative_name).toBe('Cooperative A');
  });

  it("leaves out the claimant's own claims", async () => {
    const res = await check({ geometry: drawn, cooperative_id: idOf('A'), valid_from: fixture.date });
    expect(res.json().overlaps).toEqual([]);
  });

  it('only counts claims in force during the period asked about', async () => {
    const before = await check({ geometry: drawn, valid_from: '2010-01-01', valid_to: '2011-01-01' });
    expect(before.json().overlaps).toEqual([]);
  });

  it.each([
    [
      {
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [28.6, -2.2],
              [28.62, -2.2],
              [28.6, -2.22],
              [28.62, -2.22],
              [28.6, -2.2],
            ],
          ],
        },
      },
      'Self-intersection',
    ],
    [{ geometry: { type: 'Point', coordinates: [28.6, -2.2] } }, 'geometry'],
    [{ geometry: drawn, cooperative_id: 999_999 }, 'no cooperatives record'],
    [{ geometry: drawn, valid_from: '2020-01-01', valid_to: '2019-01-01' }, 'valid_to'],
    [{ geometry: drawn, colour: 'red' }, 'colour'],
  ])('refuses %j with a 400 and writes nothing', async (body, message) => {
    const claims = await countRows(t.db, 'claims');
    const res = await check(body);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain(message);
    expect(await countRows(t.db, 'claims')).toBe(claims);
  });
});
