/**
 * The claim editor's calls: the server's overlap check for a drawn claim
 * (`POST /api/analysis/claim-overlaps`) and the saving of it (`POST /api/claims`).
 */
import type { Polygon } from 'geojson';
import type { ClaimDraft, ExistingOverlap, OverlapReport } from '../../../../server/analysis/claim-overlaps/claim-overlaps-schema.js';
import { postJson, type LayerFeature } from '../../shared/api.js';

/** The server's own shapes (server/analysis/claim-overlaps/claim-overlaps-schema.ts; type-only: no server code enters the bundle). */
export type { ClaimDraft, OverlapReport };
/** One existing claim of another cooperative that the drawn one would overlap. */
export type Overlap = ExistingOverlap;

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
