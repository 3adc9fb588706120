import type { Polygon } from 'geojson';
import type { ContestedClaimant, NearbyIncident, NearbyPresence, RuleHit, ZoneHit } from './contested-schema.js';

/** The parts of the answer that the SQL returns as they are (contested-schema.ts describes the answer). */
export type { NearbyIncident, NearbyPresence, RuleHit, ZoneHit };

/** A claimant as the SQL returns it: its share is worked out afterwards (r5-contested-zone.ts). */
export type Claimant = Omit<ContestedClaimant, 'contested_share'>;

/** What the contested-zone SQL returns for one candidate zone (see contested-sql.ts). */
export interface ContestedCandidate {
  geometry: Polygon;
  area_ha: number;
  label_lon: number;
  label_lat: number;
  claimants: Claimant[] | null;
  zones: ZoneHit[] | null;
  outside_zea_ha: number;
  presence: NearbyPresence[] | null;
  incidents: NearbyIncident[] | null;
}
