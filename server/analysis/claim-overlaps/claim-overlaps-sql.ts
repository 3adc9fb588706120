import type { MultiPolygon, Polygon } from 'geojson';
import { Params } from '../../db/sql/params.js';

/** One row when the cooperative exists. */
export function cooperativeExistsSql(id: number): { text: string; values: unknown[] } {
  const params = new Params();
  return { text: `SELECT 1 FROM cooperatives WHERE id = ${params.add(id, 'bigint')}`, values: params.values };
}

/**
 * One row: the drawn claim's hectares, and the claims not withdrawn (of other cooperatives than
 * `cooperativeId`, when given) that overlap it in area during the days `from`–`to` (`to` null:
 * open-ended), largest overlap first, with each one's own hectares in the same order.
 */
export function claimOverlapsSql(
  drawn: Polygon | MultiPolygon,
  from: string,
  to: string | null,
  cooperativeId: number | null,
): { text: string; values: unknown[] } {
  const params = new Params();
  const geometry = `ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(${params.add(JSON.stringify(drawn), 'text')}), 4326))`;
  const fromDate = params.add(from, 'date');
  const toDate = params.add(to, 'date');
  const cooperative = params.add(cooperativeId, 'bigint');
  const text = `WITH drawn AS (SELECT ${geometry} AS geom),
     hits AS (
       SELECT c.id AS claim_id, c.name AS claim_name, c.cooperative_id, co.name AS cooperative_name, co.legal_status,
              ST_Area(ST_Intersection(c.geom, d.geom)::geography) / 10000 AS overlap_ha,
              ST_Area(c.geom::geography) / 10000 AS existing_ha
       FROM drawn d
       JOIN claims c ON c.geom && d.geom AND ST_Relate(c.geom, d.geom, '2********')
       JOIN cooperatives co ON co.id = c.cooperative_id
       WHERE c.status <> 'withdrawn'
         AND c.valid_from <= COALESCE(${toDate}, 'infinity'::date)
         AND (c.valid_to IS NULL OR c.valid_to >= ${fromDate})
         AND (${cooperative} IS NULL OR c.cooperative_id <> ${cooperative})
     )
     SELECT (SELECT ST_Area(geom::geography) / 10000 FROM drawn) AS area_ha,
            (SELECT json_agg(json_build_object('claim_id', claim_id, 'claim_name', claim_name, 'cooperative_id', cooperative_id,
                     'cooperative_name', cooperative_name, 'legal_status', legal_status, 'overlap_ha', overlap_ha) ORDER BY overlap_ha DESC, claim_id)
             FROM hits) AS overlaps,
            (SELECT json_agg(existing_ha ORDER BY overlap_ha DESC, claim_id) FROM hits) AS existing`;
  return { text, values: params.values };
}
