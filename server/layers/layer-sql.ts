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
export function geometryJsonSql(): string {
  return 'ST_AsGeoJSON(ST_ForcePolygonCCW(t.geom), 7)::json';
}

/** A feature as JSON: stored columns, then computed properties, then timestamps. */
export function featureSql(layer: LayerDefinition, asOf: string): string {
  const pairs = [
    ...layer.columns.map((c) => `'${c.name}', t.${c.name}`),
    ...(layer.computed ?? []).map((p) => `'${p.name}', ${p.sql(asOf)}`),
    `'created_at', t.created_at`,
    `'updated_at', t.updated_at`,
  ];
  return `json_build_object('type', 'Feature', 'id', t.id, 'geometry', ${geometryJsonSql()},
    'properties', json_build_object(${pairs.join(', ')}))`;
}

export function bboxCondition(bbox: readonly number[], params: Params): string {
  const [minX, minY, maxX, maxY] = bbox.map((v) => params.add(v, 'float8'));
  return `t.geom && ST_MakeEnvelope(${minX}, ${minY}, ${maxX}, ${maxY}, 4326)`;
}

/** Records in force on the date: started on or before it, not ended before it. */
export function asOfCondition(layer: LayerDefinition, datePlaceholder: string): string {
  const { from, to } = layer.period;
  const started = `(t.${from} IS NULL OR t.${from} <= ${datePlaceholder})`;
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
