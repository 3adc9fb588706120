import { area, featureCollection, intersect, union } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { ContestedFixture } from './load-contested-fixture.js';

type Areal = Feature<Polygon | MultiPolygon>;

/**
 * The contested area of a fixture computed independently of PostGIS, with Turf: the union
 * of the pairwise intersections of claims of different cooperatives in force on the date.
 * Hectares.
 */
export function turfContestedHectares(fixture: ContestedFixture): number {
  const inForce = (fixture.features as Areal[]).filter((f) => {
    const p = f.properties as Record<string, string | undefined>;
    return p.layer === 'claims' && p.status !== 'withdrawn' && p.valid_from! <= fixture.date && (!p.valid_to || p.valid_to >= fixture.date);
  });
  const pieces: Areal[] = [];
  for (const [i, a] of inForce.entries()) {
    for (const b of inForce.slice(i + 1)) {
      if (a.properties!.cooperative === b.properties!.cooperative) continue;
      const piece = intersect(featureCollection([a, b]));
      if (piece) pieces.push(piece);
    }
  }
  if (pieces.length === 0) return 0;
  const merged = pieces.length === 1 ? pieces[0]! : union(featureCollection(pieces));
  return merged ? area(merged) / 10_000 : 0;
}
