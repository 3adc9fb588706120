import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../server/db/database.js';
import { withinMetres } from '../../../server/db/sql/within-distance.js';
import { openTestDatabase } from '../../support/test-database.js';

/**
 * The bounding-box prefilter must never drop what the exact distance keeps: points just inside
 * the distance in each direction, at the equator and at South Kivu's latitudes, from a point
 * and from a zone's polygon.
 */
let db: Database;

beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db?.close());

/** Whether the point at `metres` from the origin in `azimuth` degrees passes, worked out by PostGIS's own projection on the spheroid. */
async function passes(origin: string, metres: number, azimuth: number, limit: number): Promise<boolean> {
  const [row] = await db.query<{ inside: boolean }>(
    `WITH o AS (SELECT ST_GeomFromText($1, 4326) AS geom),
          p AS (SELECT ST_Project(ST_Centroid(o.geom)::geography, $2::float8, radians($3::float8))::geometry AS geom FROM o)
     SELECT (${withinMetres('p.geom', 'o.geom', '$4::float8')}) AS inside FROM o, p`,
    [origin, metres, azimuth, limit],
  );
  return row!.inside;
}

describe('within a distance on the spheroid', () => {
  for (const [place, origin] of [
    ['a point on the equator', 'POINT(28 0)'],
    ['a point at Bitale', 'POINT(28.87 -1.95)'],
    ['a point far south', 'POINT(28 -60)'],
  ] as const) {
    it(`keeps what lies just inside 5 km of ${place}, in every direction`, async () => {
      for (const azimuth of [0, 45, 90, 135, 180, 270]) {
        expect(await passes(origin, 4_990, azimuth, 5_000), `azimuth ${azimuth}`).toBe(true);
        expect(await passes(origin, 5_010, azimuth, 5_000), `azimuth ${azimuth}`).toBe(false);
      }
    });
  }

  it('measures from the edge of a polygon, not from its centre', async () => {
    // A square of about 11 km a side: a point 4.99 km north of its north edge is 10.5 km from its centre.
    const [row] = await db.query<{ inside: boolean }>(
      `WITH o AS (SELECT ST_GeomFromText('POLYGON((28 -2, 28.1 -2, 28.1 -1.9, 28 -1.9, 28 -2))', 4326) AS geom),
            p AS (SELECT ST_Project(ST_SetSRID(ST_MakePoint(28.05, -1.9), 4326)::geography, 4990, 0)::geometry AS geom)
       SELECT (${withinMetres('p.geom', 'o.geom', '5000')}) AS inside FROM o, p`,
    );
    expect(row!.inside).toBe(true);
  });
});
