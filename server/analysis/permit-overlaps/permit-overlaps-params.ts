import { Type, type Static } from 'typebox';
import { bboxParam } from '../../http/bbox-param.js';
import { DATE } from '../../http/date-param.js';

/**
 * R12's threshold: the cadastre's polygons and hand-drawn claims that follow the same ridge
 * or river share slivers well under a hectare; an artisanal pit cluster covers a few
 * hectares, so 1 ha (as for contested zones, R5) still catches the smallest real overlap.
 */
export const PERMIT_OVERLAP_DEFAULTS = {
  /** Smallest overlap between a claim or ZEA and a title that fires R12, hectares. */
  min_area_ha: 1,
} as const;

export const permitOverlapsQuerySchema = Type.Object(
  {
    date: Type.Optional({ ...DATE, description: 'as-of date (default today): claims, ZEAs and titles in force that day' }),
    min_area_ha: Type.Number({
      minimum: 0,
      maximum: 1_000_000,
      default: PERMIT_OVERLAP_DEFAULTS.min_area_ha,
      description: 'smallest overlap with a title that counts, hectares',
    }),
    bbox: bboxParam('minLon,minLat,maxLon,maxLat (WGS84): claims and ZEAs touching it'),
  },
  { additionalProperties: false },
);

export type PermitOverlapsQuery = Static<typeof permitOverlapsQuerySchema>;

export interface PermitOverlapsParams {
  date: string;
  minAreaHa: number;
  bbox?: number[];
}
