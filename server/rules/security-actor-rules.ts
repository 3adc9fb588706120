import { r1ArmyPresence } from './r1-army-presence.js';
import { r2IllegalInterference } from './r2-illegal-interference.js';
import { r3ArmedGroup } from './r3-armed-group.js';
import { r4PolicePresence } from './r4-police-presence.js';
import { isStale } from './r11-stale-observation.js';
import type { ObservationFlag, SecurityObservation } from './security-observation.js';

export type Level = 'red' | 'amber' | 'info' | 'none';
export const LEVEL_RANK: Record<Level | 'stale', number> = { red: 3, amber: 2, info: 1, none: 0, stale: 0 };

export interface JudgedFlag extends ObservationFlag {
  stale: boolean;
  observed_on: string;
  evidence: { layer: SecurityObservation['layer']; id: number };
}

/** Every flag R1–R4 raise on the observations, each marked stale or current by R11. */
export function judgeObservations(observations: SecurityObservation[], date: string, freshDays: number): JudgedFlag[] {
  return observations.flatMap((o) =>
    [r1ArmyPresence(o), r2IllegalInterference(o), r3ArmedGroup(o), r4PolicePresence(o)]
      .filter((f): f is ObservationFlag => f !== undefined)
      .map((f) => ({ ...f, stale: isStale(o.observed_on, date, freshDays), observed_on: o.observed_on, evidence: { layer: o.layer, id: o.id } })),
  );
}

/** The strongest current flag decides; only stale flags (or none, and stale observations) make "stale". */
export function overallLevel(flags: JudgedFlag[], hasCurrentObservation: boolean): Level | 'stale' {
  const current = flags.filter((f) => !f.stale);
  if (current.length === 0) return hasCurrentObservation ? 'none' : 'stale';
  return current.reduce<Level>((best, f) => (LEVEL_RANK[f.level] > LEVEL_RANK[best] ? f.level : best), 'none');
}
