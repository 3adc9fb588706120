import { Readable, pipeline } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { Feature, Geometry } from 'geojson';
import { CSV_OPTIONS, NumbersOnly, csvRow } from './csv-cells.js';

/** Points as longitude and latitude columns, anything else as WKT-free GeoJSON text. */
function geometryCells(geometry: Geometry | null): [number | null, number | null, NumbersOnly | null] {
  if (!geometry) return [null, null, null];
  if (geometry.type === 'Point') return [geometry.coordinates[0]!, geometry.coordinates[1]!, null];
  return [null, null, new NumbersOnly(JSON.stringify(geometry))];
}

async function* rows(columns: string[], features: AsyncIterable<Feature>): AsyncGenerator<Array<string | number | boolean>> {
  yield csvRow(['id', ...columns, 'longitude', 'latitude', 'geometry_geojson']);
  for await (const feature of features) {
    const properties: Record<string, unknown> = feature.properties ?? {};
    yield csvRow([feature.id, ...columns.map((c) => properties[c]), ...geometryCells(feature.geometry)]);
  }
}

/**
 * CSV text as the rows arrive, through csv-stringify's stream (an export can hold 100 000
 * rows): a header from the profile's columns, then one line per feature. A failed read ends
 * the text with its error; a reader that stops early closes the feature cursor.
 */
export async function* csvText(columns: string[], features: AsyncIterable<Feature>): AsyncGenerator<string> {
  // pipeline's callback only hears the error that iterating `csv` rethrows.
  const csv = pipeline(Readable.from(rows(columns, features)), stringify(CSV_OPTIONS), () => {});
  csv.setEncoding('utf8');
  for await (const chunk of csv) yield chunk as string;
}
