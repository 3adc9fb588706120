import type { LayerDefinition } from '../layers/layer-definition.js';
import type { Params } from '../db/sql/params.js';
import { asOfCondition } from '../layers/layer-sql.js';
import { GRID_DEGREES, everyIncidentCoarseSql } from '../sharing/incident-coarsening.js';
import { inForceOn } from '../db/sql/in-force.js';
import type { Profile } from '../sharing/profiles.js';
import { publishedFieldsSql, publishedGeometrySql, publishedIdSql, publishedOrderSql, publishedSourceSql, hasOpaqueIds } from '../sharing/published-sql.js';
import { TILE_BUFFER, TILE_EXTENT, type TileAddress } from './tile-address.js';

/**
 * The SQL of a vector tile. One builder chooses the rows (tileRowsSql); two wrappers encode
 * them: PostGIS's ST_AsMVT on the server (mvtSql), and GeoJSON rows that Node encodes on
 * the embedded database, whose PostGIS has no protobuf (geojsonRowsSql, encode-tile.ts).
 * Both read the published geometry and fields of the profile: a tile shows no more than
 * the layer API would.
 */

/**
 * A tile with more records than this shows its points, and its shapes smaller than
 * SMALL_UNITS, as counts per cell: at zoom 7 one South Kivu tile can hold 30 000 incidents or
 * claims, which no screen can show one by one and no slow link should carry. Shapes larger
 * than that stay whole. A tile with fewer records shows every record, at any zoom.
 */
export const MAX_TILE_RECORDS = 2_000;
/** 128 of 4096 units: 16 screen pixels on a 512-pixel tile, at most 32 × 32 cells a tile. */
export const CELL_UNITS = 128;
/** 32 units: a shape narrower than 4 screen pixels is drawn as part of a cell's count. */
export const SMALL_UNITS = 32;
/**
 * 2 units: a shape this narrow would vanish on the tile grid (ST_AsMVTGeom drops it), so it
 * comes as a point on its surface, with its properties: a claim too small to draw at a zoom
 * is still seen.
 */
export const TINY_UNITS = 2;

/** Web mercator (EPSG:3857): half the world's width in metres, and the sphere's radius. */
const MERCATOR_HALF_WORLD = 20037508.342789244;
const EARTH_RADIUS = 6378137;

export interface TileQuery {
  tile: TileAddress;
  profile: Profile;
  /** As-of date (YYYY-MM-DD): only records in force that day, like the layer API. */
  date?: string;
  /** Every record as itself, or small ones counted by cell (tileCountSql decides). */
  mode: 'records' | 'cells';
}

/** The tile's square in web mercator (srid 3857) and, with its margin, in WGS84 for the index. */
function envelopes(tile: TileAddress, params: Params): { mercator: string; lonLat: string } {
  const [z, x, y] = [params.add(tile.z, 'int'), params.add(tile.x, 'int'), params.add(tile.y, 'int')];
  return {
    mercator: `ST_TileEnvelope(${z}, ${x}, ${y})`,
    lonLat: `ST_Transform(ST_TileEnvelope(${z}, ${x}, ${y}, margin => ${TILE_BUFFER / TILE_EXTENT}), 4326)`,
  };
}

/**
 * A property list with only values a vector tile can hold (string, number, boolean): an
 * object's members come up one level as `parent.child` (so a style can read a site's
 * `latest_visit.armed_presence`), arrays and deeper objects as their JSON text, nulls left out.
 */
function flatPropertiesSql(properties: string): string {
  const scalar = (value: string) => `CASE WHEN jsonb_typeof(${value}) IN ('array', 'object') THEN to_jsonb(${value}::text) ELSE ${value} END`;
  return `(SELECT coalesce(jsonb_object_agg(f.key, f.value), '{}'::jsonb) FROM (
             SELECT e.key, ${scalar('e.value')} AS value FROM jsonb_each(${properties}) e WHERE jsonb_typeof(e.value) NOT IN ('null', 'object')
             UNION ALL
             SELECT e.key || '.' || m.key, ${scalar('m.value')} FROM jsonb_each(${properties}) e CROSS JOIN LATERAL jsonb_each(e.value) m
              WHERE jsonb_typeof(e.value) = 'object' AND jsonb_typeof(m.value) <> 'null') f)`;
}

/**
 * How far a published point may lie from the true one: a coarsened incident sits at its grid
 * cell's centre, so its true point is within a cell of it. An index test on the true geometry,
 * widened by this, keeps every candidate.
 */
function coarseningShift(layer: LayerDefinition, profile: Profile): number | undefined {
  return hasOpaqueIds(layer, profile) ? GRID_DEGREES[profile] : undefined;
}

/** The conditions that pick a tile's records (and bind the as-of date as `d.as_of`). */
function tileConditions(layer: LayerDefinition, query: TileQuery, envelope: string): string[] {
  const conditions = [`${publishedGeometrySql(layer, query.profile)} && ${envelope}`];
  const shift = coarseningShift(layer, query.profile);
  if (shift) conditions.push(`t.geom && ST_Expand(${envelope}, ${shift})`);
  if (query.date) conditions.push(asOfCondition(layer, 'd.as_of', query.profile));
  return conditions;
}

/** The FROM clause: the profile's rows as `t`, and the as-of date as `d.as_of` (bound even where nothing reads it). */
function tileSource(layer: LayerDefinition, query: TileQuery, params: Params): string {
  // Row by row: a tile's few records, not the whole layer, are checked against the linked-record rule.
  return `${publishedSourceSql(layer, query.profile, 'row')} CROSS JOIN (SELECT ${params.add(query.date ?? null, 'date')} AS as_of) d`;
}

/**
 * About how many records the tile holds, by the true geometry and the index alone (cheap, even
 * for partners' incidents): decides whether the tile counts small records by cell.
 */
export function tileCountSql(layer: LayerDefinition, query: Omit<TileQuery, 'mode'>, params: Params): string {
  const { lonLat } = envelopes(query.tile, params);
  const shift = coarseningShift(layer, query.profile);
  return `SELECT count(*)::int AS n FROM ${layer.table} t WHERE t.geom && ${shift ? `ST_Expand(${lonLat}, ${shift})` : lonLat}`;
}

/**
 * The records of a layer in one tile, as `id, properties (flat jsonb), geom (published, WGS84)`,
 * in the order the profile may see them (publishedOrderSql: for partners' incidents not the true
 * dates'). In cells mode, points and small shapes come as one point per cell instead, at the mean
 * of their places, with `cell_count`; the id of a cell is its place in the tile and names no record.
 */
export function tileRowsSql(layer: LayerDefinition, query: TileQuery, params: Params): string {
  const { profile, tile } = query;
  const geometry = publishedGeometrySql(layer, profile);
  const envelope = envelopes(tile, params);
  const conditions = tileConditions(layer, query, envelope.lonLat);
  const fields = publishedFieldsSql(layer, profile, 'd.as_of')
    .filter(([name]) => layer.tileFields.includes(name))
    .map(([name, sql]) => `'${name}', ${sql}`);
  const narrowerThan = (g: string, units: number) =>
    `greatest(ST_XMax(${g}) - ST_XMin(${g}), ST_YMax(${g}) - ST_YMin(${g})) < ${params.add(((360 / 2 ** tile.z) * units) / TILE_EXTENT, 'float8')}`;
  const pointsOnly = layer.geometry.types.every((type) => type === 'Point');
  const drawn = pointsOnly ? geometry : `CASE WHEN ${narrowerThan(geometry, TINY_UNITS)} THEN ST_PointOnSurface(${geometry}) ELSE ${geometry} END`;
  // The properties built once per row in a lateral join: flatPropertiesSql reads them twice. OFFSET 0 keeps the
  // planner from folding the join into both reads, which built each row's properties (and its lookups) twice:
  // a zoom-10 tile of 534 claims, 41 ms → 33 ms on PostgreSQL 15.
  const records = (extra: string[]) => `SELECT ${publishedIdSql(layer, profile)} AS id, ${flatPropertiesSql('pp.p')} AS properties, ${drawn} AS geom
                     FROM ${tileSource(layer, query, params)} CROSS JOIN LATERAL (SELECT jsonb_build_object(${fields.join(', ')}) AS p OFFSET 0) pp
                    WHERE ${[...conditions, ...extra].join(' AND ')}
                    ORDER BY ${publishedOrderSql(layer, profile)}`;
  if (query.mode === 'records') return records([]);

  // One pass over the tile's records: each one's box (read once), its centre in web mercator by
  // the projection's formula (ST_Transform per row was most of a crowded tile's time), and whether
  // it is small enough to count. Only narrow rows are kept, so the grouping hashes in memory.
  const perSide = TILE_EXTENT / CELL_UNITS;
  const cell = `((ST_XMax(${envelope.mercator}) - ST_XMin(${envelope.mercator})) / ${perSide})`;
  const column = (axis: 'x' | 'y') => `floor((p.${axis} - ST_${axis.toUpperCase()}Min(${envelope.mercator})) / ${cell})::int`;
  const smallUnits = params.add(((360 / 2 ** tile.z) * SMALL_UNITS) / TILE_EXTENT, 'float8');
  // A layer of points has no shape wide enough to stay whole: no second look at its rows.
  const wide = pointsOnly ? '' : `UNION ALL (${records([`t.id = ANY (ARRAY(SELECT p.id FROM p WHERE NOT p.small))`])})`;
  const counted = countedRows(layer, query, params, envelope.lonLat) ?? { source: tileSource(layer, query, params), geometry, conditions };
  return `WITH p AS MATERIALIZED (
            SELECT t.id,
                   (ST_XMin(b.box) + ST_XMax(b.box)) / 2 * ${MERCATOR_HALF_WORLD} / 180 AS x,
                   ln(tan(pi() / 4 + radians((ST_YMin(b.box) + ST_YMax(b.box)) / 2) / 2)) * ${EARTH_RADIUS} AS y,
                   greatest(ST_XMax(b.box) - ST_XMin(b.box), ST_YMax(b.box) - ST_YMin(b.box)) < ${smallUnits} AS small
              FROM ${counted.source} CROSS JOIN LATERAL (SELECT (${counted.geometry})::box2d AS box) b
             WHERE ${counted.conditions.join(' AND ')})
          SELECT (c.key + 1)::bigint AS id,
                 jsonb_build_object('cell_count', count(*)::int) AS properties,
                 ST_SetSRID(ST_MakePoint(avg(c.x) * 180 / ${MERCATOR_HALF_WORLD}, degrees(2 * atan(exp(avg(c.y) / ${EARTH_RADIUS})) - pi() / 2)), 4326) AS geom
            FROM (SELECT p.x, p.y, ${column('y')} * ${perSide + 2} + ${column('x')} AS key FROM p WHERE p.small) c
           GROUP BY c.key
          ${wide}`;
}

/**
 * Where some incidents are coarsened for the profile (partner, public), a crowded tile counts
 * every incident as if coarsened: at its grid cell's centre, on its month. The counts then say
 * nothing finer than the coarsened records would, and need no linked-record rule, which probed
 * from each of 50 000 rows would cost seconds. Undefined for every other layer and profile.
 */
function countedRows(layer: LayerDefinition, query: TileQuery, params: Params, lonLat: string) {
  const coarse = hasOpaqueIds(layer, query.profile) ? everyIncidentCoarseSql(query.profile) : undefined;
  if (!coarse) return undefined;
  const conditions = [`t.geom && ST_Expand(${lonLat}, ${coarseningShift(layer, query.profile)})`, `${coarse.geometry} && ${lonLat}`];
  if (query.date) conditions.push(inForceOn('d.as_of', coarse.date));
  return { source: `${layer.table} t CROSS JOIN (SELECT ${params.add(query.date ?? null, 'date')} AS as_of) d`, geometry: coarse.geometry, conditions };
}

/** Server: one bytea, the tile as PostGIS encodes it, with the number of features in it. */
export function mvtSql(layer: LayerDefinition, query: TileQuery, params: Params): string {
  const rows = tileRowsSql(layer, query, params);
  const envelope = envelopes(query.tile, params);
  return `SELECT ST_AsMVT(q, '${layer.name}', ${TILE_EXTENT}, 'geom', 'id') AS tile, count(*)::int AS features
            FROM (SELECT r.id, r.properties, ST_AsMVTGeom(ST_Transform(r.geom, 3857), ${envelope.mercator}, ${TILE_EXTENT}, ${TILE_BUFFER}, true) AS geom
                    FROM (${rows}) r) q
           WHERE q.geom IS NOT NULL`;
}

/** Embedded database: the same rows with GeoJSON geometries, for encode-tile.ts. */
export function geojsonRowsSql(layer: LayerDefinition, query: TileQuery, params: Params): string {
  return `SELECT r.id::float8 AS id, r.properties, ST_AsGeoJSON(r.geom, 7)::json AS geometry FROM (${tileRowsSql(layer, query, params)}) r`;
}
