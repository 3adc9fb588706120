/**
 * The client of `GET /api/analysis/contested`: contested zones as of a date, with the rules
 * that fired and the records behind them (see server/analysis/contested/).
 */
import type { ContestedClaimant, ContestedCollection, ContestedZone } from '../../../../server/analysis/contested/contested-schema.js';
import { getJson } from '../../shared/api.js';
import { areaParam, type Area } from '../analysis-area.js';

/** The server's own shapes (server/analysis/contested/contested-schema.ts; type-only: no server code enters the bundle). */
export type { ContestedProperties, ContestedZone, NearbyIncident, NearbyPresence, RuleHit } from '../../../../server/analysis/contested/contested-schema.js';
export type Claimant = ContestedClaimant;

/**
 * Sent explicitly rather than left to the server's defaults: the details page says "within
 * 5 km, in the 365 days before", and must be saying what was asked.
 */
export const CONTESTED_PARAMS = { near_km: 5, incident_days: 365 } as const;

/** The zones of `date`, over all the data or, with `area`, over the claims touching it (analysis-area.ts). */
export async function fetchContested(date: string, signal?: AbortSignal, area?: Area): Promise<ContestedZone[]> {
  const query = new URLSearchParams({ date, near_km: String(CONTESTED_PARAMS.near_km), incident_days: String(CONTESTED_PARAMS.incident_days) });
  if (area) query.set('bbox', areaParam(area));
  const collection = await getJson<ContestedCollection>(`api/analysis/contested?${query}`, signal);
  // The server sorts already; sorting again keeps the list right if that ever changes.
  return [...collection.features].sort((a, b) => b.properties.severity_rank - a.properties.severity_rank || b.properties.area_ha - a.properties.area_ha);
}
