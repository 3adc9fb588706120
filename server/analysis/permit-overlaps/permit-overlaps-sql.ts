import { bboxCondition } from '../../db/sql/bbox.js';
import { validOn } from '../../db/sql/in-force.js';
import { Params } from '../../db/sql/params.js';
import { R12_TITLE_STATUSES, R12_TITLE_TYPES } from '../../rules/r12-industrial-overlap.js';

/**
 * R12's evidence: every claim (not withdrawn) and every ZEA in force on `date`, touching `bbox`
 * when one is given, that shares ground (an area, not an edge) with an industrial title
 * (R12_TITLE_TYPES, R12_TITLE_STATUSES) in force that day, its grant–expiry period holding
 * it. One row per claim or ZEA: the titles with holder and shared hectares (geography area),
 * and the shared ground as one MultiPolygon. The rule itself is r12-industrial-overlap.ts.
 */
export function industrialOverlapsSql(date: string, bbox?: readonly number[]): { text: string; values: unknown[] } {
  const params = new Params();
  const day = params.add(date, 'date');
  const types = params.add([...R12_TITLE_TYPES], 'text[]');
  const statuses = params.add([...R12_TITLE_STATUSES], 'text[]');
  const claimBox = bbox ? ` AND ${bboxCondition('c.geom', bbox, params)}` : '';
  const zoneBox = bbox ? ` AND ${bboxCondition('z.geom', bbox, params)}` : '';
  const text = `WITH subjects AS (
       SELECT 'claims' AS layer, c.id, COALESCE(c.name, 'n° ' || c.id) || COALESCE(' (' || co.name || ')', '') AS label, c.illustrative, c.geom
       FROM claims c LEFT JOIN cooperatives co ON co.id = c.cooperative_id
       WHERE c.status <> 'withdrawn' AND ${validOn('c', day)}${claimBox}
       UNION ALL
       SELECT 'zones', z.id, z.code, z.illustrative, z.geom
       FROM zones z
       WHERE ${validOn('z', day)}${zoneBox}
     ),
     hits AS (
       SELECT s.layer, s.id, s.label, s.illustrative, p.id AS permit_id, p.code, p.holder, p.permit_type, p.permit_status,
              p.valid_from::text AS valid_from, p.valid_to::text AS valid_to,
              ST_CollectionExtract(ST_Intersection(s.geom, p.geom), 3) AS geom
       FROM subjects s
       JOIN permits p ON p.geom && s.geom AND ST_Relate(p.geom, s.geom, '2********')
       WHERE ${validOn('p', day)} AND p.permit_type = ANY (${types}) AND p.permit_status = ANY (${statuses})
     )
     SELECT h.layer, h.id, h.label, h.illustrative,
            json_agg(json_build_object('permit_id', h.permit_id, 'code', h.code, 'holder', h.holder, 'permit_type', h.permit_type,
                     'permit_status', h.permit_status, 'valid_from', h.valid_from, 'valid_to', h.valid_to,
                     'overlap_ha', (ST_Area(h.geom::geography) / 10000)::float8) ORDER BY h.permit_id) AS permits,
            ST_AsGeoJSON(ST_ForcePolygonCCW(ST_Multi(ST_CollectionExtract(ST_UnaryUnion(ST_Collect(h.geom)), 3))), 7)::json AS geometry
     FROM hits h
     GROUP BY h.layer, h.id, h.label, h.illustrative
     ORDER BY h.layer, h.id`;
  return { text, values: params.values };
}
