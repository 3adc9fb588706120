import type { Geometry, Position } from 'geojson';

/** The widest a line or ring may be in longitude. The region lies between about 26° and 32° E. */
export const MAX_SPAN_DEGREES = 180;

/**
 * A line or ring spanning more than half the globe in longitude is a shape that crosses the
 * antimeridian or wraps the world (an "antipodal" edge): PostGIS would store it as a band
 * 359.8° wide, and some of its functions fail on it. Nothing in eastern DR Congo needs one,
 * so it is refused by name. Returns the path of the first such line or ring, and its span.
 */
export function findTooWide(geometry: Geometry): { path: string; span: number } | undefined {
  const lines: Array<[string, Position[]]> = [];
  switch (geometry.type) {
    case 'LineString':
      lines.push(['geometry.coordinates', geometry.coordinates]);
      break;
    case 'MultiLineString':
    case 'Polygon':
      geometry.coordinates.forEach((line, i) => lines.push([`geometry.coordinates[${i}]`, line]));
      break;
    case 'MultiPolygon':
      geometry.coordinates.forEach((rings, p) => rings.forEach((ring, r) => lines.push([`geometry.coordinates[${p}][${r}]`, ring])));
      break;
    default:
      return undefined;
  }
  for (const [path, positions] of lines) {
    const longitudes = positions.map((p) => p[0]!);
    const span = Math.max(...longitudes) - Math.min(...longitudes);
    if (span > MAX_SPAN_DEGREES) return { path, span };
  }
  return undefined;
}
