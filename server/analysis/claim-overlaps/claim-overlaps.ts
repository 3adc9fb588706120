import type { Queryable } from '../../db/database.js';
import { badRequest } from '../../http/errors.js';
import { assertValidGeometry } from '../../layers/layer-store.js';
import { LAYERS } from '../../layers/registry.js';
import { claimOverlapsSql, cooperativeExistsSql } from './claim-overlaps-sql.js';
import type { ClaimDraft, ExistingOverlap, OverlapReport } from './claim-overlaps-schema.js';

/** The drawn claim and the answer are described in claim-overlaps-schema.ts. */
export type { ClaimDraft, ExistingOverlap };

/**
 * Which claims of other cooperatives a drawn claim would overlap, and by how much, over the
 * period it would be in force: the server's side of the editor's preview, so that the
 * working group sees a dispute (R5) before the claim is saved, not after.
 */
export async function findClaimOverlaps(db: Queryable, draft: ClaimDraft, today: string): Promise<OverlapReport> {
  await assertValidGeometry(db, LAYERS.claims, draft.geometry);
  const from = draft.valid_from ?? today;
  if (draft.valid_to && draft.valid_to < from) throw badRequest('valid_to must not be before valid_from');
  if (draft.cooperative_id !== undefined) {
    const check = cooperativeExistsSql(draft.cooperative_id);
    const [found] = await db.query(check.text, check.values);
    if (!found) throw badRequest(`no cooperatives record with id ${draft.cooperative_id}`);
  }
  const { text, values } = claimOverlapsSql(draft.geometry, from, draft.valid_to ?? null, draft.cooperative_id ?? null);
  const rows = await db.query<{ area_ha: number; overlaps: Omit<ExistingOverlap, 'share_of_new' | 'share_of_existing'>[] | null; existing: number[] | null }>(
    text,
    values,
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
