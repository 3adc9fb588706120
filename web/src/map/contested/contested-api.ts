/**
 * The client of `GET /api/analysis/contested`: contested zones as of a date, with the rules
 * that fired and the records behind them (see server/analysis/contested/).
 */
import type { Feature, Polygon } from 'geojson';
import { getJson } from '../../shared/api.js';
import type { Severity } from './severity.js';

export interface Claimant {
  claim_id: number;
  claim_name: string | null;
  basis: string;
  status: string | null;
  valid_from: string;
  valid_to: string | null;
  cooperative_id: number;
  cooperative_name: string;
  legal_status: string;
  claim_ha: number;
  contested_ha: number;
  contested_share: number;
}

export interface RuleHit {
  rule: string;
  reason: string;
  evidence: Array<{ layer: string; id: number; why: string }>;
}

export interface NearbyPresence {
  presence_id: number;
  actor_type: string;
  actor_name: string | null;
  behaviours: string[];
  linked_cooperative_id: number | null;
  link_kind: string | null;
  valid_from: string;
  valid_to: string | null;
  distance_km: number;
}

export interface NearbyIncident {
  incident_id: number;
  occurred_on: string;
  category: string;
  perpetrator_type: string | null;
  distance_km: number;
}

export interface ContestedProperties {
  date: string;
  area_ha: number;
  severity: Severity;
  severity_rank: number;
  severity_reason: string;
  rules: string[];
  rule_hits: RuleHit[];
  claimants: Claimant[];
  cooperative_count: number;
  zones: Array<{ zone_id: number; code: string; name: string | null; status: string; overlap_ha: number }>;
  outside_zea_ha: number;
  presence: NearbyPresence[];
  incidents: NearbyIncident[];
  label: [number, number];
}

export type ContestedZone = Feature<Polygon, ContestedProperties> & { id: number };

/**
 * Sent explicitly rather than left to the server's defaults: the details page says "within
 * 5 km, in the 365 days before", and must be saying what was asked.
 */
export const CONTESTED_PARAMS = { near_km: 5, incident_days: 365 } as const;

export async function fetchContested(date: string, signal?: AbortSignal): Promise<ContestedZone[]> {
  const query = new URLSearchParams({ date, near_km: String(CONTESTED_PARAMS.near_km), incident_days: String(CONTESTED_PARAMS.incident_days) });
  const collection = await getJson<{ features: ContestedZone[] }>(`api/analysis/contested?${query}`, signal);
  // The server sorts already; sorting again keeps the list right if that ever changes.
  return [...collection.features].sort((a, b) => b.properties.severity_rank - a.properties.severity_rank || b.properties.area_ha - a.properties.area_ha);
}
