/**
 * A few towns to find one's bearings on a map without a base map. Positions are the
 * approximate ones listed in docs/domain.md (town centres); they are context, not data,
 * and are never analysed. Bitale is left out: its ZEA label already marks it.
 */
import type { FeatureCollection, Point } from 'geojson';

const PLACES: Array<[name: string, lon: number, lat: number]> = [
  ['Bukavu', 28.86, -2.51],
  ['Kalehe', 28.91, -2.1],
  ['Nyabibwe', 28.94, -1.94],
  ['Numbi', 28.89, -1.78],
  ['Lumbishi', 28.81, -1.77],
];

export function referencePlaces(): FeatureCollection<Point, { name: string }> {
  return {
    type: 'FeatureCollection',
    features: PLACES.map(([name, lon, lat]) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties: { name } })),
  };
}
