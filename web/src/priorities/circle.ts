/**
 * A unit's reach drawn on the map: the circle of `radiusKm` around a point, on the sphere,
 * as a GeoJSON polygon. Written out rather than imported (@turf/circle) to keep the page's
 * bundle free of a geometry library for twenty lines; tests compare it with Turf.
 */
import type { Polygon, Position } from 'geojson';

/** Mean Earth radius, the value Turf uses, so the two agree to the metre. */
const EARTH_RADIUS_KM = 6371.0088;
const rad = (deg: number) => (deg * Math.PI) / 180;
const deg = (r: number) => (r * 180) / Math.PI;

/** The point `distanceKm` from `[lon, lat]` along `bearingRad` (great circle). */
function destination([lon, lat]: Position, distanceKm: number, bearingRad: number): Position {
  const d = distanceKm / EARTH_RADIUS_KM;
  const lat1 = rad(lat!);
  const lon1 = rad(lon!);
  const lat2 = Math.asin(Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(bearingRad));
  const lon2 = lon1 + Math.atan2(Math.sin(bearingRad) * Math.sin(d) * Math.cos(lat1), Math.cos(d) - Math.sin(lat1) * Math.sin(lat2));
  return [deg(lon2), deg(lat2)];
}

/** Counter-clockwise, closed: an RFC 7946 exterior ring, like Turf's. */
export function circlePolygon(center: Position, radiusKm: number, steps = 64): Polygon {
  const ring: Position[] = [];
  for (let i = 0; i < steps; i += 1) ring.push(destination(center, radiusKm, rad((i * -360) / steps)));
  ring.push(ring[0]!);
  return { type: 'Polygon', coordinates: [ring] };
}
