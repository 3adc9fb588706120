import { readFileSync } from 'node:fs';
import { area, bbox, booleanIntersects, circle, intersect, featureCollection } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findContestedZones } from '../../../server/analysis/contested/find-contested-zones.js';
import type { Database } from '../../../server/db/database.js';
import { openPglite } from '../../../server/db/pglite.js';
import { seededRandom } from '../../../server/generate/seeded-random.js';
import { openTestApp, type TestApp } from '../../support/test-app.js';
import { PGLITE_TEMPLATE } from '../../support/test-database.js';

/**
 * Issue 12: at 10 000 claims the embedded database answered "no contested zone" where the
 * server found hundreds. The same seeded claims (circles of 220–550 m over lon 26.5–31.5,
 * lat −5–0, 2 000 cooperatives) must give zones on either database, and their total area
 * must agree with the pairwise overlaps worked out apart, with Turf.
 */
const CLAIMS = 10_000;
const COOPERATIVES = 2_000;
let t: TestApp;
const claims: Array<{ cooperative: number; polygon: Feature<Polygon> }> = [];

/** The seeded claims and their cooperatives, written into `db`. */
async function insertClaims(db: Database): Promise<void> {
  await db.query(
    `INSERT INTO cooperatives (name, legal_status, source, source_id)
     SELECT 'Coopérative ' || i, 'authorised', 'generated', i::text FROM generate_series(1, $1::int) i`,
    [COOPERATIVES],
  );
  await db.query(
    `INSERT INTO claims (cooperative_id, basis, valid_from, source, source_id, geom)
     SELECT (c.value->>'cooperative')::bigint, 'title', '2018-01-01', 'generated', c.ordinality::text,
            ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(c.value->>'geometry'), 4326))
     FROM json_array_elements($1::json) WITH ORDINALITY AS c (value, ordinality)`,
    [JSON.stringify(claims.map((c) => ({ cooperative: c.cooperative, geometry: JSON.stringify(c.polygon.geometry) })))],
  );
}

const PARAMS = { date: '2020-01-01', minAreaHa: 0, minShare: 0, nearKm: 5, incidentDays: 365 };

beforeAll(async () => {
  t = await openTestApp();
  const random = seededRandom(12);
  for (let i = 0; i < CLAIMS; i++) {
    const centre = [26.5 + random() * 5, -5 + random() * 5];
    const radiusKm = (220 + random() * 330) / 1000;
    claims.push({ cooperative: 1 + Math.floor(random() * COOPERATIVES), polygon: circle(centre, radiusKm, { steps: 16, units: 'kilometers' }) });
  }
  await insertClaims(t.db);
}, 120_000);
afterAll(() => t?.close());

/** Pairwise overlaps of claims of different cooperatives, found through a grid of 0.02° cells. */
function turfPairAreasHa(): number[] {
  const cells = new Map<string, number[]>();
  claims.forEach((c, i) => {
    const [w, s, e, n] = bbox(c.polygon);
    for (let x = Math.floor(w / 0.02); x <= Math.floor(e / 0.02); x++) {
      for (let y = Math.floor(s / 0.02); y <= Math.floor(n / 0.02); y++) {
        const key = `${x}:${y}`;
        cells.set(key, [...(cells.get(key) ?? []), i]);
      }
    }
  });
  const seen = new Set<string>();
  const areas: number[] = [];
  for (const members of cells.values()) {
    for (const a of members) {
      for (const b of members) {
        if (b <= a || seen.has(`${a}:${b}`)) continue;
        seen.add(`${a}:${b}`);
        if (claims[a]!.cooperative === claims[b]!.cooperative || !booleanIntersects(claims[a]!.polygon, claims[b]!.polygon)) continue;
        const overlap = intersect(featureCollection([claims[a]!.polygon, claims[b]!.polygon]));
        if (overlap) areas.push(area(overlap) / 10_000);
      }
    }
  }
  return areas;
}

describe(`contested zones over ${CLAIMS.toLocaleString('en')} claims`, () => {
  it('are found on this database, and cover what the pairwise overlaps cover', { timeout: 120_000 }, async () => {
    const res = await t.app.inject({ url: `/api/analysis/contested?date=${PARAMS.date}&min_area_ha=0&min_share=0` });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const zones = (res.json() as FeatureCollection<Polygon | MultiPolygon, { area_ha: number }>).features;
    const pairs = turfPairAreasHa();
    expect(pairs.length).toBeGreaterThan(100);
    // A zone joins the pairs whose overlaps touch: at most one zone per pair, and most pairs stand alone at this density.
    expect(zones.length).toBeGreaterThan(0.8 * pairs.length);
    expect(zones.length).toBeLessThanOrEqual(pairs.length);
    const zoneArea = zones.reduce((sum, z) => sum + z.properties.area_ha, 0);
    const pairArea = pairs.reduce((sum, a) => sum + a, 0);
    // The union is at most the sum of the pairs (three-way overlaps count once), and Turf's sphere differs from PostGIS's ellipsoid by well under 1 %.
    expect(zoneArea).toBeLessThanOrEqual(pairArea * 1.01);
    expect(zoneArea).toBeGreaterThan(pairArea * 0.95);
  });

  // On the server run, the same claims on the embedded database too: neither may answer differently without the test saying so.
  it.runIf(Boolean(process.env.DATABASE_URL))('are the same zones on the embedded database as on the server', { timeout: 120_000 }, async () => {
    const server = await findContestedZones(t.db, PARAMS);
    const embedded = await openPglite({ loadDataDir: new Blob([readFileSync(PGLITE_TEMPLATE)]) });
    try {
      await insertClaims(embedded);
      const local = await findContestedZones(embedded, PARAMS);
      expect(local.features.length).toBe(server.features.length);
      const total = (c: typeof server) => c.features.reduce((sum, z) => sum + z.properties.area_ha, 0);
      expect(Math.abs(total(local) - total(server)) / total(server)).toBeLessThan(0.005);
      const claimants = (c: typeof server) => c.features.reduce((sum, z) => sum + z.properties.claimants.length, 0);
      expect(claimants(local)).toBe(claimants(server));
    } finally {
      await embedded.close();
    }
  });
});
