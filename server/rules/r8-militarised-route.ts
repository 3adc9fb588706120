import { r1ArmyPresence } from './r1-army-presence.js';
import { r2IllegalInterference } from './r2-illegal-interference.js';
import { r3ArmedGroup } from './r3-armed-group.js';
import type { SecurityObservation } from './security-observation.js';

/** Who holds a roadblock that makes a route militarised whatever it charges. */
const ARMED_OPERATORS = new Set(['fardc', 'armed_group_local', 'armed_group_foreign']);

export interface NearbyRoadblock {
  id: number;
  name: string | null;
  operator_type: string;
  operator_name: string | null;
  taxes_minerals: boolean;
  distance_m: number;
}

export interface SegmentEvidence {
  rule: 'R8' | 'R9';
  layer: 'roadblocks' | 'presence' | 'incidents';
  id: number;
  why: string;
}

/**
 * R8 (DOMAIN.md): a roadblock held by an armed actor (army, armed group), or one taxing
 * minerals whoever holds it, on or near a route from the mines. Project choice, with the
 * issue: an illegal presence (one that R1, R2 or R3 flags) within the buffer militarises
 * the segment too. A police checkpoint that charges nothing on minerals does not.
 * Every route in this database is a mineral transport route, so "serves a mine site" holds.
 * Fixtures: tests/fixtures/security/routes/.
 */
export function r8RoadblockEvidence(roadblock: NearbyRoadblock): SegmentEvidence | undefined {
  const armed = ARMED_OPERATORS.has(roadblock.operator_type);
  if (!armed && !roadblock.taxes_minerals) return undefined;
  const who = roadblock.operator_name ?? roadblock.operator_type;
  const what = armed && roadblock.taxes_minerals ? 'armed roadblock taxing minerals' : armed ? 'armed roadblock' : 'roadblock taxing minerals';
  return { rule: 'R8', layer: 'roadblocks', id: roadblock.id, why: `${what} (${who}) ${Math.round(roadblock.distance_m)} m away` };
}

export function r8PresenceEvidence(presence: SecurityObservation & { distance_m: number }): SegmentEvidence | undefined {
  const flag = r1ArmyPresence(presence) ?? r2IllegalInterference(presence) ?? r3ArmedGroup(presence);
  if (!flag) return undefined;
  return { rule: 'R8', layer: 'presence', id: presence.id, why: `${flag.rule}: ${flag.reason}, ${Math.round(presence.distance_m)} m away` };
}
