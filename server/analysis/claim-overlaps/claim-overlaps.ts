import type { MultiPolygon, Polygon } from 'geojson';
import type { Queryable } from '../../db/database.js';
import { badRequest } from '../../http/errors.js';
import { assertValidGeometry } from '../../layers/layer-store.js';
import { Params } from '../../layers/layer-sql.js';
import { LAYERS } from '../../layers/registry.js';

export interface ClaimDraft {
  geometry: Polygon | MultiPolygon;
  /** The cooperative that would hold the claim: its own claims are not a conflict. */
  cooperative_id?: number;
  valid_from?: string;
  valid_to?: string | null;
}

export interface ExistingOverlap {
  claim_id: number;
  claim_name: string | null;
  cooperative_id: number;
  cooperative_name: string;
  legal_status: string;
  overlap_ha: number;
  share_of_new: number;
  share_of_existing: number;
}

/**
 * Which claims of other cooperatives a drawn claim would overlap, and by how much, over the
 * period it would be in force: the server's side of the editor's preview, so that the
 * working group sees a dispute (R5) before the claim is saved, not after.
 */
export async function findClaimOverlaps(db: Queryable, draft: ClaimDraft, today: string): Promise<{ area_ha: number; overlaps: ExistingOverlap[] }> {
  await assertValidGeometry(db, LAYERS.claims, draft.geometry);
  const from = draft.valid_from ?? today;
  if (draft.valid_to && draft.valid_to < from) throw badRequest('valid_to must not be before valid_from');
  if (draft.cooperative_id !== undefined) {
    const [found] = await db.query('SELECT 1 FROM cooperatives WHERE id = $1::bigint', [draft.cooperative_id]);
    if (!found) throw badRequest(`no cooperatives record with id ${draft.cooperative_id}`);
  }
  const params = new Params();
  const geometry = `ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(${params.add(JSON.stringify(draft.geometry), 'text')}), 4326))`;
  const fromDate = params.add(from, 'date');
  const toDate = params.add(draft.valid_to ?? null, 'date');
  const cooperative = params.add(draft.cooperative_id ?? null, 'bigint');
  const rows = await db.query<{ area_ha: number; overlaps: Omit<ExistingOverlap, 'share_of_new' | 'share_of_existing'>[] | null; existing: number[] | null }>(
    `WITH drawn AS (SELECT ${geometry} AS geom),
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
            (SELECT json_agg(existing_ha ORDER BY overlap_ha DESC, claim_id) FROM hits) AS existing`,
    params.values,
  );
  const row = rows[0]!;
  const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;
  return {
    area_ha: round(row.area_ha, 2),
    overlaps: (row.overlaps ?? []).map((o, i) => ({
      ...o,
      overlap_ha: round(o.overlap_ha, 2),
      share_of_new: round(row.area_ha > 0 ? o.overlap_ha / row.area_ha : 0, 4),
      share_of_existing: round(row.existing![i]! > 0 ? o.overlap_ha / row.existing![i]! : 0, 4),
    })),
  };
}
