import type { Geometry, Position } from 'geojson';

/**
 * RFC 7946 §3.1.6: a linear ring's first and last positions are identical. JSON Schema
 * cannot say that, and PostGIS builds of the embedded database fail on such rings in ways
 * that differ from the server's, so the check runs here and names the ring.
 * Returns a JSON path such as `geometry.coordinates[1][0]`, or undefined when all rings close.
 */
export function findUnclosedRing(geometry: Geometry): string | undefined {
  const polygons: Position[][][] = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
  for (const [p, rings] of polygons.entries()) {
    for (const [r, ring] of rings.entries()) {
      const first = ring[0];
      const last = ring[ring.length - 1];
      if (!first || !last || first.length !== last.length || first.some((v, i) => v !== last[i])) {
        return geometry.type === 'Polygon' ? `geometry.coordinates[${r}]` : `geometry.coordinates[${p}][${r}]`;
      }
    }
  }
  return undefined;
}
