import type { Feature, Geometry } from 'geojson';
import { stringify } from 'csv-stringify/sync';

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR) gets a leading quote:
 * names come from the field and from anyone with an editor account (OWASP, CSV injection).
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return neutraliseFormula(value.join('; '));
  if (typeof value === 'object') return neutraliseFormula(JSON.stringify(value));
  return typeof value === 'string' ? neutraliseFormula(value) : String(value);
}

/** Points as longitude and latitude columns, anything else as WKT-free GeoJSON text. */
function geometryCells(geometry: Geometry | null): [string, string, string] {
  if (!geometry) return ['', '', ''];
  if (geometry.type === 'Point') return [String(geometry.coordinates[0]), String(geometry.coordinates[1]), ''];
  return ['', '', JSON.stringify(geometry)];
}

/** CSV rows as they arrive: a header from the profile's columns, then one line per feature. */
export async function* csvText(columns: string[], features: AsyncIterable<Feature>): AsyncGenerator<string> {
  yield stringify([['id', ...columns, 'longitude', 'latitude', 'geometry_geojson']]);
  for await (const feature of features) {
    const properties = feature.properties ?? {};
    yield stringify([[String(feature.id), ...columns.map((c) => cell(properties[c])), ...geometryCells(feature.geometry)]]);
  }
}
