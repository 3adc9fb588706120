/**
 * The claim editor's calls: the server's overlap check for a drawn claim
 * (`POST /api/analysis/claim-overlaps`) and the saving of it (`POST /api/claims`).
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { postJson, type LayerFeature } from '../../shared/api.js';

export interface ClaimDraft {
  geometry: Polygon | MultiPolygon;
  cooperative_id?: number;
  valid_from?: string;
  valid_to?: string | null;
}

/** One existing claim of another cooperative that the drawn one would overlap. */
export interface Overlap {
  claim_id: number;
  claim_name: string | null;
  cooperative_id: number;
  cooperative_name: string;
  legal_status: string;
  overlap_ha: number;
  /** 0–1: how much of the drawn claim this overlap takes. */
  share_of_new: number;
  /** 0–1: how much of the existing claim this overlap takes. */
  share_of_existing: number;
}

export interface OverlapReport {
  area_ha: number;
  overlaps: Overlap[];
}

export function checkClaimOverlaps(draft: ClaimDraft, signal?: AbortSignal): Promise<OverlapReport> {
  return postJson<OverlapReport>('api/analysis/claim-overlaps', draft, signal);
}

export interface NewClaim {
  geometry: Polygon;
  cooperative_id: number;
  basis: string;
  valid_from: string;
  name?: string;
}

export function saveClaim(claim: NewClaim): Promise<LayerFeature> {
  const { geometry, ...properties } = claim;
  return postJson<LayerFeature>('api/claims', { type: 'Feature', geometry, properties });
}
