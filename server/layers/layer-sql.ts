import { publishedFieldsSql, publishedGeometrySql, publishedPeriodSql } from '../sharing/published-sql.js';
import type { Profile } from '../sharing/profiles.js';
import type { Column, LayerDefinition } from './layer-definition.js';

/**
 * Small builders for the SQL of the layer store. Values never enter the SQL text: each
 * goes into `Params` and is referred to by its placeholder, cast to its column's type.
 */
export class Params {
  readonly values: unknown[] = [];
  add(value: unknown, cast?: string): string {
    this.values.push(value);
    return cast ? `$${this.values.length}::${cast}` : `$${this.values.length}`;
  }
}

/** RFC 7946: exterior rings counter-clockwise, 7 decimals (about 1 cm). */
export function geometryJsonSql(geometry = 't.geom'): string {
  return `ST_AsGeoJSON(ST_ForcePolygonCCW(${geometry}), 7)::json`;
}

/**
 * A feature as JSON, as the profile may see it: its allowed properties (stored, then
 * computed), its published geometry, and timestamps for the internal profile only.
 */
export function featureSql(layer: LayerDefinition, asOf: string, profile: Profile = 'internal'): string {
  const pairs = publishedFieldsSql(layer, profile, asOf).map(([name, sql]) => `'${name}', ${sql}`);
  if (profile === 'internal') pairs.push(`'created_at', t.created_at`, `'updated_at', t.updated_at`);
  // json_build_object keeps the layer's property order (jsonb would sort it) but takes at most 100 arguments.
  if (pairs.length > 50) throw new Error(`layer ${layer.name} has ${pairs.length} properties; featureSql builds at most 50`);
  return `json_build_object('type', 'Feature', 'id', t.id, 'geometry', ${geometryJsonSql(publishedGeometrySql(layer, profile))},
    'properties', json_build_object(${pairs.join(', ')}))`;
}

/** The bbox test runs on the published geometry: narrowing a bbox cannot reveal more than the profile shows. */
export function bboxCondition(bbox: readonly number[], params: Params, layer?: LayerDefinition, profile: Profile = 'internal'): string {
  const [minX, minY, maxX, maxY] = bbox.map((v) => params.add(v, 'float8'));
  const geometry = layer ? publishedGeometrySql(layer, profile) : 't.geom';
  return `${geometry} && ST_MakeEnvelope(${minX}, ${minY}, ${maxX}, ${maxY}, 4326)`;
}

/** Records in force on the date: started on or before it, not ended before it (on published dates). */
export function asOfCondition(layer: LayerDefinition, datePlaceholder: string, profile: Profile = 'internal'): string {
  const { from, to } = layer.period;
  const start = publishedPeriodSql(layer, profile, from);
  const started = `(${start} IS NULL OR ${start} <= ${datePlaceholder})`;
  return to ? `${started} AND (t.${to} IS NULL OR t.${to} >= ${datePlaceholder})` : started;
}

/** The SQL value for a column: arrays and JSON cast explicitly so both drivers agree. */
export function columnValue(column: Column, value: unknown, params: Params): string {
  if (value === null || value === undefined) return params.add(null, column.sqlType);
  if (column.sqlType === 'jsonb') return params.add(JSON.stringify(value), 'jsonb');
  return params.add(value, column.sqlType);
}

/** A GeoJSON geometry parameter as a PostGIS geometry in SRID 4326. */
export function geometryValue(layer: LayerDefinition, geometry: unknown, params: Params): string {
  if (geometry === null || geometry === undefined) return 'NULL';
  const parsed = `ST_SetSRID(ST_GeomFromGeoJSON(${params.add(JSON.stringify(geometry), 'text')}), 4326)`;
  return layer.geometry.promoteToMulti ? `ST_Multi(${parsed})` : parsed;
}

/** The columns a feature's properties set, in the layer's order; unknown keys never get here. */
export function presentColumns(layer: LayerDefinition, properties: Record<string, unknown>): Column[] {
  return layer.columns.filter((c) => Object.prototype.hasOwnProperty.call(properties, c.name));
}
