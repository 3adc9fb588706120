/** The bounding box of what the map draws, to open the map on the data rather than on a guess. */
import type { Geometry, Position } from 'geojson';

export type Bounds = [[number, number], [number, number]];

function positions(geometry: Geometry): Position[] {
  switch (geometry.type) {
    case 'Point':
      return [geometry.coordinates];
    case 'MultiPoint':
    case 'LineString':
      return geometry.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return geometry.coordinates.flat();
    case 'MultiPolygon':
      return geometry.coordinates.flat(2);
    case 'GeometryCollection':
      return geometry.geometries.flatMap(positions);
  }
}

/** [[west, south], [east, north]] of the geometries, or null when there are none. */
export function boundsOf(geometries: Iterable<Geometry | null>): Bounds | null {
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const geometry of geometries) {
    if (!geometry) continue;
    for (const [lon, lat] of positions(geometry) as Array<[number, number]>) {
      west = Math.min(west, lon);
      east = Math.max(east, lon);
      south = Math.min(south, lat);
      north = Math.max(north, lat);
    }
  }
  return west <= east
    ? [
        [west, south],
        [east, north],
      ]
    : null;
}
