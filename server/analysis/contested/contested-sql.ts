import { envelopeSql } from '../../db/sql/bbox.js';
import { validOn } from '../../db/sql/in-force.js';
import { Params } from '../../db/sql/params.js';
import type { ContestedParams } from './contested-params.js';

/**
 * The SQL of the contested-zone analysis, built from small named pieces. Values are always
 * parameters. Claims are joined to claims on the table itself (not on a CTE) so that the
 * GiST index answers "which claims touch this one": the work grows with the number of
 * overlaps, not with the square of the number of claims.
 */

/**
 * Overlays on a fixed grid of 1e-9° (about 0.1 mm), GEOS's OverlayNG with a precision
 * model: the floating overlay of a claim with a zone made from other overlays fails on some
 * inputs, and the embedded database's PostGIS then answers the whole query with no rows and
 * no error (issue 12: 0 contested zones for 10 000 claims where the server found hundreds).
 */
export const OVERLAY_GRID = 1e-9;
const intersection = (a: string, b: string) => `ST_Intersection(${a}, ${b}, ${OVERLAY_GRID})`;
const difference = (a: string, b: string) => `ST_Difference(${a}, ${b}, ${OVERLAY_GRID})`;

/** A claim in force on the date and not withdrawn (claim status is not dated, see README). */
function claimInForce(alias: string, date: string): string {
  return `${validOn(alias, date)} AND ${alias}.status <> 'withdrawn'`;
}

/** Pairwise overlaps of claims of different cooperatives, polygonal part only: touching edges give lines and drop out. */
function overlapsCte(date: string, bbox: string | undefined): string {
  return `claim_overlaps AS (
    SELECT ST_CollectionExtract(${intersection('a.geom', 'b.geom')}, 3) AS geom
    FROM claims a
    JOIN claims b ON b.id > a.id AND b.cooperative_id <> a.cooperative_id AND ST_Intersects(a.geom, b.geom)
    WHERE ${claimInForce('a', date)} AND ${claimInForce('b', date)}${bbox ? ` AND a.geom && ${bbox}` : ''}
  )`;
}

/** Connected pieces of the union of all overlaps: a three-way overlap is one zone, not three pairs. */
function componentsCte(): string {
  return `components AS (
    SELECT d.geom, ST_Area(d.geom::geography) / 10000 AS area_ha
    FROM (SELECT (ST_Dump(ST_Union(geom, ${OVERLAY_GRID}))).geom AS geom FROM claim_overlaps WHERE NOT ST_IsEmpty(geom)) d
  )`;
}

/**
 * Each claim reaching into a zone, with how much of it is contested. The 0.01 % floor drops
 * neighbours that only share the zone's edge and gain a sliver from floating-point noise.
 */
function claimantsSql(date: string): string {
  return `(SELECT json_agg(json_build_object(
        'claim_id', k.id, 'claim_name', k.name, 'basis', k.basis, 'status', k.status,
        'valid_from', k.valid_from, 'valid_to', k.valid_to,
        'cooperative_id', k.cooperative_id, 'cooperative_name', co.name, 'legal_status', co.legal_status,
        'claim_ha', k.claim_ha, 'contested_ha', k.contested_ha) ORDER BY k.contested_ha DESC, k.id)
      FROM (SELECT c.*, ST_Area(c.geom::geography) / 10000 AS claim_ha,
                   ST_Area(${intersection('c.geom', 'm.geom')}::geography) / 10000 AS contested_ha
            FROM claims c WHERE c.geom && m.geom AND ST_Intersects(c.geom, m.geom) AND ${claimInForce('c', date)}) k
      JOIN cooperatives co ON co.id = k.cooperative_id
      WHERE k.contested_ha > 0.0001 * m.area_ha)`;
}

function zonesSql(date: string): string {
  return `(SELECT json_agg(json_build_object('zone_id', z.id, 'code', z.code, 'name', z.name, 'status', z.status,
        'overlap_ha', ST_Area(${intersection('z.geom', 'm.geom')}::geography) / 10000) ORDER BY z.code)
      FROM zones z WHERE z.geom && m.geom AND ST_Relate(z.geom, m.geom, '2********') AND ${validOn('z', date)})`;
}

/** Hectares of the zone that no ZEA in force covers (R7). */
function outsideZeaSql(date: string): string {
  return `(SELECT ST_Area(${difference('m.geom', `COALESCE(ST_Union(z.geom, ${OVERLAY_GRID}), ST_SetSRID('GEOMETRYCOLLECTION EMPTY'::geometry, 4326))`)}::geography) / 10000
      FROM zones z WHERE z.geom && m.geom AND ${validOn('z', date)})`;
}

/**
 * A bounding-box prefilter in degrees wide enough for `near_km` at the zone's latitude
 * (a degree of longitude shrinks with latitude), so the GiST index narrows the search
 * before the exact distance on the spheroid.
 */
function nearSql(alias: string, nearKm: string): string {
  const degrees = `(${nearKm} / (111.32 * cos(radians(least(abs(ST_Y(ST_Centroid(m.geom))) + 1, 85)))))`;
  return `${alias}.geom && ST_Expand(m.geom, ${degrees}) AND ST_DWithin(${alias}.geom::geography, m.geom::geography, ${nearKm} * 1000)`;
}

function distanceKm(alias: string): string {
  return `ST_Distance(${alias}.geom::geography, m.geom::geography) / 1000`;
}

/** Security presence in force that is linked to a claimant or stands within `near_km` (R6 decides which count). */
function presenceSql(date: string, nearKm: string): string {
  return `(SELECT json_agg(json_build_object('presence_id', p.id, 'actor_type', p.actor_type, 'actor_name', p.actor_name,
        'behaviours', p.behaviours, 'linked_cooperative_id', p.linked_cooperative_id, 'link_kind', p.link_kind,
        'valid_from', p.valid_from, 'valid_to', p.valid_to, 'distance_km', ${distanceKm('p')}) ORDER BY p.id)
      FROM security_presence p
      WHERE ${validOn('p', date)} AND (
        p.linked_cooperative_id IN (SELECT c.cooperative_id FROM claims c
                                    WHERE c.geom && m.geom AND ST_Relate(c.geom, m.geom, '2********') AND ${claimInForce('c', date)})
        OR (${nearSql('p', nearKm)})))`;
}

function incidentsSql(date: string, nearKm: string, days: string): string {
  return `(SELECT json_agg(json_build_object('incident_id', i.id, 'occurred_on', i.occurred_on, 'category', i.category,
        'perpetrator_type', i.perpetrator_type, 'distance_km', ${distanceKm('i')}) ORDER BY i.occurred_on DESC, i.id)
      FROM incidents i
      WHERE i.occurred_on <= ${date} AND i.occurred_on >= ${date} - ${days} AND ${nearSql('i', nearKm)})`;
}

/** The request's bbox as an envelope, its corners as parameters. */
function bboxEnvelope(p: ContestedParams, params: Params): string | undefined {
  return p.bbox ? envelopeSql(p.bbox, params) : undefined;
}

/** One row per contested zone candidate; thresholds on shares and the rules are applied by the caller. */
export function contestedZonesSql(p: ContestedParams): { text: string; values: unknown[] } {
  const params = new Params();
  const date = params.add(p.date, 'date');
  const minArea = params.add(p.minAreaHa, 'float8');
  const nearKm = params.add(p.nearKm, 'float8');
  const days = params.add(p.incidentDays, 'integer');
  const bbox = bboxEnvelope(p, params);
  const text = `WITH ${overlapsCte(date, bbox)}, ${componentsCte()}
    SELECT ST_AsGeoJSON(ST_ForcePolygonCCW(m.geom), 7)::json AS geometry,
      m.area_ha,
      ST_Y(ST_PointOnSurface(m.geom)) AS label_lat, ST_X(ST_PointOnSurface(m.geom)) AS label_lon,
      ${claimantsSql(date)} AS claimants,
      ${zonesSql(date)} AS zones,
      ${outsideZeaSql(date)} AS outside_zea_ha,
      ${presenceSql(date, nearKm)} AS presence,
      ${incidentsSql(date, nearKm, days)} AS incidents
    FROM components m
    WHERE m.area_ha >= ${minArea}
    ORDER BY m.area_ha DESC`;
  return { text, values: params.values };
}

/**
 * How many pairs of claims of different cooperatives overlap by at least min_area_ha on the
 * date: the check behind an empty answer (find-contested-zones.ts). A zone holds at least
 * one such pair whole, so a pair this large means a zone of at least that size exists.
 */
export function overlapCountSql(p: ContestedParams): { text: string; values: unknown[] } {
  const params = new Params();
  const date = params.add(p.date, 'date');
  const minArea = params.add(p.minAreaHa, 'float8');
  const bbox = bboxEnvelope(p, params);
  const text = `WITH ${overlapsCte(date, bbox)}
    SELECT count(*)::int AS overlaps FROM claim_overlaps WHERE NOT ST_IsEmpty(geom) AND ST_Area(geom::geography) / 10000 >= ${minArea}`;
  return { text, values: params.values };
}
