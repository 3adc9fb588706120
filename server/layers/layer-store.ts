import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { Queryable } from '../db/database.js';
import { translateDatabaseError } from '../db/database-errors.js';
import { badRequest, notFound } from '../http/errors.js';
import type { Profile } from '../sharing/profiles.js';
import { publishedGeometrySql, publishedIdSql, publishedOrderSql, publishedSourceSql } from '../sharing/published-sql.js';
import type { LayerDefinition } from './layer-definition.js';
import { findTooWide } from './too-wide.js';
import { findUnclosedRing } from './unclosed-ring.js';
import { bboxCondition } from '../db/sql/bbox.js';
import { Params } from '../db/sql/params.js';
import { asOfCondition, columnValue, extentSql, featureSql, geometryValue, periodOverlapConditions, presentColumns } from './layer-sql.js';

export interface ListFilters {
  /** minLon, minLat, maxLon, maxLat */
  bbox?: readonly number[];
  /** As-of date (YYYY-MM-DD): only records in force that day. */
  date?: string;
  /** Only records whose period overlaps these days (YYYY-MM-DD, inclusive; an absent end is open). */
  period?: { start?: string; end?: string };
  /** Records without a geometry pass the bbox test too (as OGC API Features wants); default: they fail it. */
  keepUnlocated?: boolean;
  limit: number;
  offset: number;
  /** Who is looking: decides fields and precision (server/sharing). Default internal. */
  profile?: Profile;
}

export interface FeatureInput {
  geometry?: Geometry | null;
  properties?: Record<string, unknown> | null;
}

export interface LayerPage extends FeatureCollection {
  numberMatched: number;
  numberReturned: number;
}

export type UpsertOutcome = 'inserted' | 'updated' | 'unchanged';

/**
 * The data layer for every map layer: the one place that reads and writes layer records,
 * so that later access rules and sharing profiles apply to every path at once.
 */
export async function listFeatures(db: Queryable, layer: LayerDefinition, filters: ListFilters): Promise<LayerPage> {
  const params = new Params();
  const asOf = params.add(filters.date ?? null, 'date');
  const profile = filters.profile ?? 'internal';
  const conditions = filterConditions(layer, filters, params, 'd.as_of');
  const limit = params.add(filters.limit, 'int');
  const offset = params.add(filters.offset, 'int');
  const rows = await db.query<{ feature: Feature; matched: number }>(
    `SELECT ${featureSql(layer, 'd.as_of', profile)} AS feature, (count(*) OVER ())::int AS matched
       FROM ${publishedSourceSql(layer, profile)} ${asOfJoin(asOf)}
      WHERE ${conditions.join(' AND ')}
      ORDER BY ${publishedOrderSql(layer, profile)}
      LIMIT ${limit} OFFSET ${offset}`,
    params.values,
  );
  const matched = rows[0]?.matched ?? (filters.offset > 0 ? await countFeatures(db, layer, filters) : 0);
  return { type: 'FeatureCollection', numberMatched: matched, numberReturned: rows.length, features: rows.map((r) => r.feature) };
}

/** The date looked at, as `d.as_of`, for conditions and computed properties alike. */
function asOfJoin(placeholder: string): string {
  return `CROSS JOIN (SELECT ${placeholder} AS as_of) d`;
}

/** The WHERE conditions of a listing, on what the profile sees; `asOf` is the placeholder of the as-of date. */
function filterConditions(layer: LayerDefinition, filters: ListFilters, params: Params, asOf: string): string[] {
  const profile = filters.profile ?? 'internal';
  const conditions = filters.date ? [asOfCondition(layer, asOf, profile)] : [];
  if (filters.bbox) {
    // On the published geometry: narrowing a bbox cannot reveal more than the profile shows.
    const inBbox = bboxCondition(publishedGeometrySql(layer, profile), filters.bbox, params);
    conditions.push(filters.keepUnlocated ? `(t.geom IS NULL OR ${inBbox})` : inBbox);
  }
  if (filters.period) {
    const { start, end } = filters.period;
    conditions.push(...periodOverlapConditions(layer, start && params.add(start, 'date'), end && params.add(end, 'date'), profile));
  }
  return conditions.length > 0 ? conditions : ['true'];
}

async function countFeatures(db: Queryable, layer: LayerDefinition, filters: ListFilters): Promise<number> {
  const params = new Params();
  const conditions = filterConditions(layer, filters, params, filters.date ? params.add(filters.date, 'date') : 'NULL');
  const source = publishedSourceSql(layer, filters.profile ?? 'internal');
  const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${source} WHERE ${conditions.join(' AND ')}`, params.values);
  return row?.n ?? 0;
}

export interface LayerExtent {
  /** west, south, east, north of the published geometries; null when none has one. */
  bbox: [number, number, number, number] | null;
  /** First and last day (YYYY-MM-DD) of the published periods; null at an end some record leaves open. */
  interval: [string | null, string | null] | null;
}

/** The space and time the layer's records cover, as the profile sees them. */
export async function layerExtent(db: Queryable, layer: LayerDefinition, profile: Profile = 'internal'): Promise<LayerExtent> {
  const [row] = await db.query<{
    west: number | null;
    south: number | null;
    east: number | null;
    north: number | null;
    first_day: string | null;
    last_day: string | null;
    open_start: boolean;
    open_end: boolean;
    records: number;
  }>(extentSql(layer, profile));
  if (!row || row.records === 0) return { bbox: null, interval: null };
  const bbox = row.west === null ? null : ([row.west, row.south, row.east, row.north] as [number, number, number, number]);
  return { bbox, interval: [row.open_start ? null : row.first_day, row.open_end ? null : row.last_day] };
}

/**
 * One record by the id the profile sees (`publishedIdSql`): the database id, or the opaque id
 * partners and the public get for incidents, under which a database id names nothing.
 */
export async function getFeature(db: Queryable, layer: LayerDefinition, id: number, date?: string, profile: Profile = 'internal'): Promise<Feature | null> {
  const params = new Params();
  const asOf = params.add(date ?? null, 'date');
  const [row] = await db.query<{ feature: Feature }>(
    `SELECT ${featureSql(layer, 'd.as_of', profile)} AS feature FROM ${publishedSourceSql(layer, profile)} ${asOfJoin(asOf)}
      WHERE ${publishedIdSql(layer, profile)} = ${params.add(id, 'bigint')}`,
    params.values,
  );
  return row?.feature ?? null;
}

/**
 * Refuses a geometry PostGIS cannot accept, saying what is wrong and where
 * (`ST_IsValidReason`, e.g. "Self-intersection[28.63 -2.21]").
 */
export async function assertValidGeometry(db: Queryable, layer: LayerDefinition, geometry: Geometry): Promise<void> {
  const unclosed = findUnclosedRing(geometry);
  if (unclosed) throw badRequest(`geometry is not valid: ring ${unclosed} is not closed (its last position must repeat its first)`);
  const wide = findTooWide(geometry);
  if (wide) {
    throw badRequest(
      `geometry is refused: ${wide.path} spans ${Math.round(wide.span * 10) / 10}° of longitude; a shape that crosses the antimeridian or wraps the globe cannot be stored, and this map covers eastern DR Congo (about 26° to 32° E)`,
    );
  }
  const params = new Params();
  let row: { valid: boolean; reason: string } | undefined;
  try {
    [row] = await db.query<{ valid: boolean; reason: string }>(
      `SELECT ST_IsValid(g) AS valid, ST_IsValidReason(g) AS reason FROM (SELECT ${geometryValue(layer, geometry, params)} AS g) s`,
      params.values,
    );
  } catch (error) {
    throw badRequest(`geometry could not be read: ${(error as Error).message}`);
  }
  // The embedded PostGIS has been seen to answer some unreadable geometries with no row at all.
  if (!row) throw badRequest('geometry could not be read');
  if (!row.valid) throw badRequest(`geometry is not valid: ${row.reason}`, { reason: row.reason });
}

export async function createFeature(db: Queryable, layer: LayerDefinition, input: FeatureInput): Promise<Feature> {
  if (input.geometry) await assertValidGeometry(db, layer, input.geometry);
  const params = new Params();
  const properties = input.properties ?? {};
  const columns = presentColumns(layer, properties);
  const names = [...columns.map((c) => c.name), 'geom'];
  const values = [...columns.map((c) => columnValue(c, properties[c.name], params)), geometryValue(layer, input.geometry, params)];
  try {
    const [row] = await db.query<{ id: number }>(
      `INSERT INTO ${layer.table} (${names.join(', ')}) VALUES (${values.join(', ')}) RETURNING id::float8 AS id`,
      params.values,
    );
    return (await getFeature(db, layer, row!.id))!;
  } catch (error) {
    throw translateDatabaseError(error);
  }
}

/** Changes the given properties (and the geometry, when given); the rest stays as it was. */
export async function updateFeature(db: Queryable, layer: LayerDefinition, id: number, input: FeatureInput): Promise<Feature> {
  if (input.geometry) await assertValidGeometry(db, layer, input.geometry);
  const params = new Params();
  const properties = input.properties ?? {};
  const assignments = presentColumns(layer, properties).map((c) => `${c.name} = ${columnValue(c, properties[c.name], params)}`);
  if (input.geometry !== undefined) {
    if (input.geometry === null && layer.geometry.required) throw badRequest(`a ${layer.name} record must have a geometry`);
    assignments.push(`geom = ${geometryValue(layer, input.geometry, params)}`);
  }
  if (assignments.length === 0) throw badRequest('nothing to change: give properties or a geometry');
  try {
    const rows = await db.query(`UPDATE ${layer.table} SET ${assignments.join(', ')} WHERE id = ${params.add(id, 'bigint')} RETURNING id`, params.values);
    if (rows.length === 0) throw notFound(`no ${layer.name} record with id ${id}`);
    return (await getFeature(db, layer, id))!;
  } catch (error) {
    throw translateDatabaseError(error);
  }
}

export async function deleteFeature(db: Queryable, layer: LayerDefinition, id: number): Promise<void> {
  try {
    const rows = await db.query(`DELETE FROM ${layer.table} WHERE id = $1::bigint RETURNING id`, [id]);
    if (rows.length === 0) throw notFound(`no ${layer.name} record with id ${id}`);
  } catch (error) {
    throw translateDatabaseError(error, 'delete');
  }
}

/**
 * Inserts a record, or updates the one with the same `source` and `source_id`, and says
 * which: a re-import of the same file reports every record `unchanged`.
 */
export async function upsertFeature(db: Queryable, layer: LayerDefinition, input: FeatureInput): Promise<{ id: number; outcome: UpsertOutcome }> {
  const properties = input.properties ?? {};
  if (!properties.source || !properties.source_id) throw badRequest('an imported record needs `source` and `source_id`, so that a re-import can recognise it');
  if (input.geometry) await assertValidGeometry(db, layer, input.geometry);
  const params = new Params();
  const columns = presentColumns(layer, properties);
  const names = [...columns.map((c) => c.name), 'geom'];
  const values = [...columns.map((c) => columnValue(c, properties[c.name], params)), geometryValue(layer, input.geometry, params)];
  const changed = names.filter((n) => n !== 'source' && n !== 'source_id');
  try {
    const [row] = await db.query<{ id: number; inserted: boolean }>(
      `INSERT INTO ${layer.table} AS t (${names.join(', ')}) VALUES (${values.join(', ')})
       ON CONFLICT (source, source_id) DO UPDATE SET ${changed.map((n) => `${n} = EXCLUDED.${n}`).join(', ')}
        WHERE (${changed.map((n) => `t.${n}`).join(', ')}) IS DISTINCT FROM (${changed.map((n) => `EXCLUDED.${n}`).join(', ')})
       RETURNING id::float8 AS id, (xmax = 0) AS inserted`,
      params.values,
    );
    if (row) return { id: row.id, outcome: row.inserted ? 'inserted' : 'updated' };
    return { id: (await findIdBySource(db, layer, properties.source as string, properties.source_id as string))!, outcome: 'unchanged' };
  } catch (error) {
    throw translateDatabaseError(error);
  }
}

/** The id of the record that came from `source` as `sourceId` (the key of idempotent imports), if there is one. */
export async function findIdBySource(db: Queryable, layer: LayerDefinition, source: string, sourceId: string): Promise<number | undefined> {
  const [row] = await db.query<{ id: number }>(`SELECT id::float8 AS id FROM ${layer.table} WHERE source = $1 AND source_id = $2`, [source, sourceId]);
  return row?.id;
}

/** True when none of the layers holds a record. */
export async function layersAreEmpty(db: Queryable, layers: readonly LayerDefinition[]): Promise<boolean> {
  const checks = layers.map((layer) => `NOT EXISTS (SELECT 1 FROM ${layer.table})`);
  const [row] = await db.query<{ empty: boolean }>(`SELECT ${checks.join(' AND ')} AS empty`);
  return row?.empty ?? true;
}
