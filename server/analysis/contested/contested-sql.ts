import { envelopeSql } from '../../db/sql/bbox.js';
import { validOn } from '../../db/sql/in-force.js';
import { Params } from '../../db/sql/params.js';
import { withinMetres } from '../../db/sql/within-distance.js';
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

/**
 * Pairwise overlaps of claims of different cooperatives, polygonal part only: touching edges
 * give lines and drop out. Each pair is intersected once, here. `b.id + 0 > a.id + 0` keeps the
 * primary key out of the probe: otherwise the planner ANDs the GiST index with half the key
 * for every claim (issue 12: 420 s at 100 000 claims, 41 s without). MATERIALIZED, so that the
 * intersections run in the parallel workers of the join: inlined, they were evaluated as the
 * argument of ST_Dump in the leader alone.
 */
function pairsCte(date: string, bbox: string | undefined): string {
  return `claim_pairs AS MATERIALIZED (
    SELECT a.id AS a_id, b.id AS b_id, ST_CollectionExtract(${intersection('a.geom', 'b.geom')}, 3) AS geom
    FROM claims a
    JOIN claims b ON b.geom && a.geom AND b.id + 0 > a.id + 0 AND b.cooperative_id <> a.cooperative_id AND ST_Intersects(a.geom, b.geom)
    WHERE ${claimInForce('a', date)} AND ${claimInForce('b', date)}${bbox ? ` AND a.geom && ${bbox}` : ''}
  )`;
}

/**
 * Each polygon of each pair's overlap, grouped with the pieces it touches (DBSCAN at distance
 * 0). Most pieces touch none: such a piece is a contested zone as it stands, claimed by its
 * pair alone (any third claim reaching into it would overlap one of the two and make a
 * touching piece). Only groups of several pieces need a union.
 */
function piecesCte(): string {
  return `pieces AS (
    SELECT c.*, count(*) OVER (PARTITION BY c.cluster) AS cluster_pieces
    FROM (SELECT p.a_id, p.b_id, d.geom, ST_ClusterDBSCAN(d.geom, 0, 1) OVER () AS cluster
          FROM claim_pairs p, ST_Dump(p.geom) d) c
  )`;
}

/**
 * Connected contested zones: a lone piece as it is, a group of pieces unioned and split into
 * its connected parts (a three-way overlap is one zone, not three pairs). Zones under the
 * smallest area drop out here, before anything is looked up around them.
 */
function componentsCte(minArea: string): string {
  return `components AS (
    SELECT row_number() OVER (ORDER BY u.cluster, u.part) AS id, u.cluster, u.a_id, u.b_id, u.geom, u.area_ha
    FROM (
      SELECT p.cluster, 1 AS part, p.a_id, p.b_id, p.geom, ST_Area(p.geom::geography) / 10000 AS area_ha
      FROM pieces p WHERE p.cluster_pieces = 1
      UNION ALL
      SELECT d.cluster, d.part, NULL, NULL, d.geom, ST_Area(d.geom::geography) / 10000
      FROM (SELECT g.cluster, row_number() OVER (PARTITION BY g.cluster) AS part, g.geom
            FROM (SELECT p.cluster, (ST_Dump(ST_Union(p.geom, ${OVERLAY_GRID}))).geom AS geom
                  FROM pieces p WHERE p.cluster_pieces > 1
                  GROUP BY p.cluster) g) d
    ) u
    WHERE u.area_ha >= ${minArea}
  )`;
}

/**
 * How much of each claim lies in each zone. A lone piece is all contested for both claims of
 * its pair; in a merged zone each claim of the group is intersected with the zone once.
 */
function claimAreasCte(): string {
  return `claim_areas AS (
    SELECT m.id AS component_id, unnest(ARRAY[m.a_id, m.b_id]) AS claim_id, m.area_ha AS contested_ha
    FROM components m WHERE m.a_id IS NOT NULL
    UNION ALL
    SELECT m.id, c.id, ST_Area(${intersection('c.geom', 'm.geom')}::geography) / 10000
    FROM components m
    JOIN (SELECT DISTINCT p.cluster, unnest(ARRAY[p.a_id, p.b_id]) AS claim_id
          FROM pieces p WHERE p.cluster_pieces > 1) g ON g.cluster = m.cluster
    JOIN claims c ON c.id = g.claim_id AND c.geom && m.geom
    WHERE m.a_id IS NULL
  )`;
}

/**
 * Each zone with its claimants, in one pass over the claim areas, and their cooperatives for
 * R6. The 0.01 % floor drops neighbours that only share the zone's edge and gain a sliver from
 * floating-point noise. Grouped here rather than joined afterwards: the planner cannot count
 * the rows of a CTE, and a join of zones to aggregated claimants became a nested loop over
 * both (zones × zones at 100 000 claims).
 */
function zonesWithClaimantsSql(): string {
  return `(SELECT m.id, m.geom, m.area_ha,
      json_agg(json_build_object(
        'claim_id', k.id, 'claim_name', k.name, 'basis', k.basis, 'status', k.status,
        'valid_from', k.valid_from, 'valid_to', k.valid_to,
        'cooperative_id', k.cooperative_id, 'cooperative_name', co.name, 'legal_status', co.legal_status,
        'claim_ha', ST_Area(k.geom::geography) / 10000, 'contested_ha', ca.contested_ha) ORDER BY ca.contested_ha DESC, k.id)
        FILTER (WHERE ca.contested_ha > 0.0001 * m.area_ha) AS claimants,
      array_agg(DISTINCT k.cooperative_id) FILTER (WHERE k.id IS NOT NULL) AS cooperative_ids
    FROM components m
    LEFT JOIN (claim_areas ca JOIN claims k ON k.id = ca.claim_id JOIN cooperatives co ON co.id = k.cooperative_id)
      ON ca.component_id = m.id AND ca.contested_ha > 0
    GROUP BY m.id, m.area_ha, m.geom)`;
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

/** Within `near_km` of the zone, by the GiST index first (within-distance.ts). */
function nearSql(alias: string, nearKm: string): string {
  return withinMetres(`${alias}.geom`, 'm.geom', `${nearKm} * 1000`);
}

function distanceKm(alias: string): string {
  return `ST_Distance(${alias}.geom::geography, m.geom::geography) / 1000`;
}

/**
 * Security presence in force that is linked to a claimant or stands within `near_km` (R6
 * decides which count). The two ways in are looked up apart, each by its own index, and
 * merged: an OR across them would read every presence record for every zone.
 */
function presenceSql(date: string, nearKm: string): string {
  return `(SELECT json_agg(json_build_object('presence_id', p.id, 'actor_type', p.actor_type, 'actor_name', p.actor_name,
        'behaviours', p.behaviours, 'linked_cooperative_id', p.linked_cooperative_id, 'link_kind', p.link_kind,
        'valid_from', p.valid_from, 'valid_to', p.valid_to, 'distance_km', ${distanceKm('p')}) ORDER BY p.id)
      FROM security_presence p
      WHERE ${validOn('p', date)} AND p.id IN (
        SELECT q.id FROM security_presence q WHERE q.linked_cooperative_id = ANY(m.cooperative_ids)
        UNION
        SELECT q.id FROM security_presence q WHERE ${nearSql('q', nearKm)}))`;
}

/**
 * Incidents of the window within `near_km`. `occurred_on + 0` keeps the date index out: ANDed
 * with the GiST probe, it read the whole window's bitmap (thousands of rows) for every zone,
 * where the GiST index alone finds a few dozen candidates.
 */
function incidentsSql(date: string, nearKm: string, days: string): string {
  return `(SELECT json_agg(json_build_object('incident_id', i.id, 'occurred_on', i.occurred_on, 'category', i.category,
        'perpetrator_type', i.perpetrator_type, 'distance_km', ${distanceKm('i')}) ORDER BY i.occurred_on DESC, i.id)
      FROM incidents i
      WHERE i.occurred_on + 0 <= ${date} AND i.occurred_on + 0 >= ${date} - ${days} AND ${nearSql('i', nearKm)})`;
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
  const text = `WITH ${pairsCte(date, bbox)}, ${piecesCte()}, ${componentsCte(minArea)}, ${claimAreasCte()}
    SELECT ST_AsGeoJSON(ST_ForcePolygonCCW(m.geom), 7)::json AS geometry,
      m.area_ha,
      ST_Y(ST_PointOnSurface(m.geom)) AS label_lat, ST_X(ST_PointOnSurface(m.geom)) AS label_lon,
      m.claimants,
      ${zonesSql(date)} AS zones,
      ${outsideZeaSql(date)} AS outside_zea_ha,
      ${presenceSql(date, nearKm)} AS presence,
      ${incidentsSql(date, nearKm, days)} AS incidents
    FROM ${zonesWithClaimantsSql()} m
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
  const text = `WITH ${pairsCte(date, bbox)}
    SELECT count(*)::int AS overlaps FROM claim_pairs WHERE NOT ST_IsEmpty(geom) AND ST_Area(geom::geography) / 10000 >= ${minArea}`;
  return { text, values: params.values };
}
