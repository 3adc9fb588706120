import type { LayerDefinition } from '../layers/layer-definition.js';
import { Params, asOfCondition } from '../layers/layer-sql.js';
import { GRID_DEGREES } from '../sharing/incident-coarsening.js';
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
 * Below this zoom, point records come as counts per cell (ST_SnapToGrid over cells of
 * CELL_UNITS tile units): at zoom 7 one South Kivu tile can hold 30 000 incidents, which no
 * screen can show one by one and no slow link should carry.
 */
export const POINT_DETAIL_ZOOM = 8;
/** 128 of 4096 units: 16 screen pixels on a 512-pixel tile, at most 32 × 32 cells a tile. */
export const CELL_UNITS = 128;

export interface TileQuery {
  tile: TileAddress;
  profile: Profile;
  /** As-of date (YYYY-MM-DD): only records in force that day, like the layer API. */
  date?: string;
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
 * The records of a layer in one tile, as `id, properties (flat jsonb), geom (published, WGS84),
 * cell_count` (null for a record, the number of records for a cell of points), in the order
 * the profile may see them (publishedOrderSql: for partners' incidents not the true dates').
 */
export function tileRowsSql(layer: LayerDefinition, query: TileQuery, params: Params): string {
  const { profile, tile } = query;
  const geometry = publishedGeometrySql(layer, profile);
  const envelope = envelopes(tile, params);
  // Read through a join like the layer store does, so the placeholder is used even when nothing else reads it.
  const asOf = 'd.as_of';
  const conditions = [`${geometry} && ${envelope.lonLat}`];
  // A coarsened point lies in its grid cell: the true one is within a cell of it, so this index test keeps every candidate.
  const shift = hasOpaqueIds(layer, profile) ? GRID_DEGREES[profile] : undefined;
  if (shift) conditions.push(`t.geom && ST_Expand(${envelope.lonLat}, ${shift})`);
  if (query.date) conditions.push(asOfCondition(layer, asOf, profile));

  const fields = publishedFieldsSql(layer, profile, asOf).map(([name, sql]) => `'${name}', ${sql}`);
  const records = `SELECT ${publishedIdSql(layer, profile)} AS id, ${flatPropertiesSql(`jsonb_build_object(${fields.join(', ')})`)} AS properties,
                          ${geometry} AS geom, NULL::int AS cell_count
                     FROM ${publishedSourceSql(layer, profile)} CROSS JOIN (SELECT ${params.add(query.date ?? null, 'date')} AS as_of) d
                    WHERE ${conditions.join(' AND ')}`;
  if (tile.z >= POINT_DETAIL_ZOOM) return `${records} ORDER BY ${publishedOrderSql(layer, profile)}`;

  // Points by cell, anything else as it is. A cell is placed at the mean of its points, and its
  // id is its place in the tile: it names no record.
  const cell = `(ST_XMax(${envelope.mercator}) - ST_XMin(${envelope.mercator})) / ${TILE_EXTENT / CELL_UNITS}`;
  return `WITH r AS (${records}),
               p AS (SELECT ST_Transform(geom, 3857) AS m FROM r WHERE ST_GeometryType(geom) = 'ST_Point')
          SELECT min(floor((ST_Y(p.m) - ST_YMin(e.box)) / e.cell) * ${TILE_EXTENT / CELL_UNITS + 2} + floor((ST_X(p.m) - ST_XMin(e.box)) / e.cell))::bigint + 1 AS id,
                 jsonb_build_object('cell_count', count(*)::int) AS properties,
                 ST_Transform(ST_SetSRID(ST_MakePoint(avg(ST_X(p.m)), avg(ST_Y(p.m))), 3857), 4326) AS geom, count(*)::int AS cell_count
            FROM p CROSS JOIN (SELECT ${envelope.mercator} AS box, ${cell} AS cell) e
           GROUP BY floor((ST_X(p.m) - ST_XMin(e.box)) / e.cell), floor((ST_Y(p.m) - ST_YMin(e.box)) / e.cell)
          UNION ALL
          SELECT id, properties, geom, cell_count FROM r WHERE ST_GeometryType(geom) <> 'ST_Point'`;
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
