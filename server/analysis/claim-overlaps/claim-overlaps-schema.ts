import type { MultiPolygon, Polygon } from 'geojson';
import { Type, type Static } from 'typebox';
import { geometrySchema } from '../../layers/geometry-schema.js';
import { DATE } from '../../http/date-param.js';

/**
 * `POST /api/analysis/claim-overlaps`: the drawn claim it is sent, and its answer
 * (claim-overlaps.ts). No Node here: the claim editor imports these types.
 */
export const claimDraftSchema = Type.Object(
  {
    geometry: Type.Unsafe<Polygon | MultiPolygon>(geometrySchema(['Polygon', 'MultiPolygon'])),
    cooperative_id: Type.Optional(Type.Integer({ minimum: 1, description: 'the claimant: its own claims are left out' })),
    valid_from: Type.Optional({ ...DATE, description: 'start of the period looked at (default today)' }),
    valid_to: Type.Optional(Type.Union([DATE, Type.Null()], { description: 'end of the period (default open-ended)' })),
  },
  { additionalProperties: false },
);

const share = (description: string) => Type.Number({ minimum: 0, maximum: 1, description });

export const existingOverlapSchema = Type.Object(
  {
    claim_id: Type.Integer(),
    claim_name: Type.Union([Type.String(), Type.Null()]),
    cooperative_id: Type.Integer(),
    cooperative_name: Type.String(),
    legal_status: Type.String(),
    overlap_ha: Type.Number({ minimum: 0 }),
    share_of_new: share('how much of the drawn claim this overlap takes'),
    share_of_existing: share('how much of the existing claim this overlap takes'),
  },
  { additionalProperties: false, description: 'a claim of another cooperative, in force in the period, that the drawn claim would overlap' },
);

export const overlapReportSchema = Type.Object(
  {
    area_ha: Type.Number({ minimum: 0, description: 'area of the drawn claim' }),
    overlaps: Type.Array(existingOverlapSchema, { description: 'largest overlap first' }),
  },
  { additionalProperties: false },
);

export type ClaimDraft = Static<typeof claimDraftSchema>;
export type ExistingOverlap = Static<typeof existingOverlapSchema>;
export type OverlapReport = Static<typeof overlapReportSchema>;
