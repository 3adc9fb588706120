/** What the contested-zone SQL returns for one candidate zone (see contested-sql.ts). */
export interface Claimant {
  claim_id: number;
  claim_name: string | null;
  basis: string;
  status: string;
  valid_from: string;
  valid_to: string | null;
  cooperative_id: number;
  cooperative_name: string;
  legal_status: 'authorised' | 'pending' | 'unrecognised';
  claim_ha: number;
  contested_ha: number;
}

export interface ZoneHit {
  zone_id: number;
  code: string;
  name: string | null;
  status: string;
  overlap_ha: number;
}

export interface NearbyPresence {
  presence_id: number;
  actor_type: string;
  actor_name: string | null;
  behaviours: string[];
  linked_cooperative_id: number | null;
  link_kind: 'hired' | 'protecting' | null;
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

export interface ContestedCandidate {
  geometry: GeoJSON.Polygon;
  area_ha: number;
  label_lon: number;
  label_lat: number;
  claimants: Claimant[] | null;
  zones: ZoneHit[] | null;
  outside_zea_ha: number;
  presence: NearbyPresence[] | null;
  incidents: NearbyIncident[] | null;
}

/** One rule that fired on a zone: its id, why, and the records that made it fire. */
export interface RuleHit {
  rule: 'R5' | 'R6' | 'R7';
  reason: string;
  evidence: { layer: 'claims' | 'presence' | 'zones' | 'cooperatives'; id: number; why: string }[];
}
