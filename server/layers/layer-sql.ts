import { publishedFieldsSql, publishedGeometrySql, publishedIdSql, publishedPeriodSql, publishedSourceSql } from '../sharing/published-sql.js';
import type { Profile } from '../sharing/profiles.js';
import type { Column, LayerDefinition } from './layer-definition.js';
import { inForceOn } from '../db/sql/in-force.js';
import type { Params } from '../db/sql/params.js';

/**
 * Small builders for the SQL of the layer store. Values never enter the SQL text: each
 * goes into `Params` and is referred to by its placeholder, cast to its column's type.
 */

/** RFC 7946: exterior rings counter-clockwise, 7 decimals (about 1 cm). */
export function geometryJsonSql(geometry = 't.geom'): string {
  return `ST_AsGeoJSON(ST_ForcePolygonCCW(${geometry}), 7)::json`;
}

/**
 * A feature as JSON, as the profile may see it: its published id, its allowed properties
 * (stored, then computed), its published geometry, and timestamps for the internal profile
 * only. Reads the row as `t` from publishedSourceSql.
 */
export function featureSql(layer: LayerDefinition, asOf: string, profile: Profile = 'internal'): string {
  const pairs = publishedFieldsSql(layer, profile, asOf).map(([name, sql]) => `'${name}', ${sql}`);
  if (profile === 'internal') pairs.push(`'created_at', t.created_at`, `'updated_at', t.updated_at`);
  // json_build_object keeps the layer's property order (jsonb would sort it) but takes at most 100 arguments.
  if (pairs.length > 50) throw new Error(`layer ${layer.name} has ${pairs.length} properties; featureSql builds at most 50`);
  return `json_build_object('type', 'Feature', 'id', ${publishedIdSql(layer, profile)}, 'geometry', ${geometryJsonSql(publishedGeometrySql(layer, profile))},
    'properties', json_build_object(${pairs.join(', ')}))`;
}

/** Records in force on the date, on the dates the profile publishes (a partner's incidents: their month). */
export function asOfCondition(layer: LayerDefinition, datePlaceholder: string, profile: Profile = 'internal'): string {
  const { from, to } = layer.period;
  return inForceOn(datePlaceholder, publishedPeriodSql(layer, profile, from), to ? `t.${to}` : undefined);
}

/**
 * Records whose period overlaps the days from `start` to `end` (placeholders of dates, both
 * inclusive; an absent one leaves that side open), on published dates like asOfCondition. A layer
 * without an end column records events: the event's day must fall within the days. An unknown
 * (null) bound is open, so a record with no dates at all always matches.
 */
export function periodOverlapConditions(layer: LayerDefinition, start: string | undefined, end: string | undefined, profile: Profile = 'internal'): string[] {
  const from = publishedPeriodSql(layer, profile, layer.period.from);
  const to = layer.period.to ? publishedPeriodSql(layer, profile, layer.period.to) : from;
  const conditions: string[] = [];
  if (start) conditions.push(`(${to} IS NULL OR ${to} >= ${start})`);
  if (end) conditions.push(`(${from} IS NULL OR ${from} <= ${end})`);
  return conditions;
}

/**
 * One row: the extent of what the profile sees of the layer (published geometry and dates):
 * west/south/east/north (null when no record has a geometry), the first and last day as text,
 * and whether some record's period is open at either end.
 */
export function extentSql(layer: LayerDefinition, profile: Profile): string {
  const from = publishedPeriodSql(layer, profile, layer.period.from);
  const to = layer.period.to ? publishedPeriodSql(layer, profile, layer.period.to) : from;
  return `SELECT ST_XMin(e.box)::float8 AS west, ST_YMin(e.box)::float8 AS south, ST_XMax(e.box)::float8 AS east, ST_YMax(e.box)::float8 AS north,
                 e.first_day, e.last_day, e.open_start, e.open_end, e.records
            FROM (SELECT ST_Extent(${publishedGeometrySql(layer, profile)}) AS box,
                         to_char(min(${from}), 'YYYY-MM-DD') AS first_day, to_char(max(${to}), 'YYYY-MM-DD') AS last_day,
                         coalesce(bool_or(${from} IS NULL), false) AS open_start, coalesce(bool_or(${to} IS NULL), false) AS open_end,
                         count(*)::int AS records
                    FROM ${publishedSourceSql(layer, profile)}) e`;
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
