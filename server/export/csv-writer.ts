import type { Feature, Geometry } from 'geojson';
import { NumbersOnly, csvLines } from './csv-cells.js';

/** Points as longitude and latitude columns, anything else as WKT-free GeoJSON text. */
function geometryCells(geometry: Geometry | null): [number | null, number | null, NumbersOnly | null] {
  if (!geometry) return [null, null, null];
  if (geometry.type === 'Point') return [geometry.coordinates[0]!, geometry.coordinates[1]!, null];
  return [null, null, new NumbersOnly(JSON.stringify(geometry))];
}

/** CSV rows as they arrive: a header from the profile's columns, then one line per feature. */
export async function* csvText(columns: string[], features: AsyncIterable<Feature>): AsyncGenerator<string> {
  yield csvLines([['id', ...columns, 'longitude', 'latitude', 'geometry_geojson']]);
  for await (const feature of features) {
    const properties = feature.properties ?? {};
    yield csvLines([[feature.id, ...columns.map((c) => properties[c]), ...geometryCells(feature.geometry)]]);
  }
}
