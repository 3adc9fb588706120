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

/**
 * What the evidence says, as values rather than sentences, so that a page words it in its own
 * language (issue 14); `why` keeps the English sentence for scripts and logs.
 */
export type EvidenceFacts =
  | { kind: 'roadblock'; armed: boolean; taxes_minerals: boolean; operator_type: string; operator_name: string | null; distance_m: number }
  | { kind: 'presence'; flag: 'R1' | 'R2' | 'R3'; actor_type: string; actor_name: string | null; observed_on: string; distance_m: number }
  | { kind: 'incident'; category: string; occurred_on: string; distance_m: number; count: number; needed: number };

export interface SegmentEvidence {
  rule: 'R8' | 'R9';
  layer: 'roadblocks' | 'presence' | 'incidents';
  id: number;
  why: string;
  facts: EvidenceFacts;
}

/**
 * R8 (docs/domain.md): a roadblock held by an armed actor (army, armed group), or one taxing
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
  const distance_m = Math.round(roadblock.distance_m);
  return {
    rule: 'R8',
    layer: 'roadblocks',
    id: roadblock.id,
    why: `${what} (${who}) ${distance_m} m away`,
    facts: {
      kind: 'roadblock',
      armed,
      taxes_minerals: roadblock.taxes_minerals,
      operator_type: roadblock.operator_type,
      operator_name: roadblock.operator_name,
      distance_m,
    },
  };
}

export function r8PresenceEvidence(presence: SecurityObservation & { distance_m: number }): SegmentEvidence | undefined {
  const flag = r1ArmyPresence(presence) ?? r2IllegalInterference(presence) ?? r3ArmedGroup(presence);
  if (!flag) return undefined;
  const distance_m = Math.round(presence.distance_m);
  return {
    rule: 'R8',
    layer: 'presence',
    id: presence.id,
    why: `${flag.rule}: ${flag.reason}, ${distance_m} m away`,
    facts: {
      kind: 'presence',
      flag: flag.rule as 'R1' | 'R2' | 'R3',
      actor_type: presence.actor_type,
      actor_name: presence.actor_name,
      observed_on: presence.observed_on,
      distance_m,
    },
  };
}
