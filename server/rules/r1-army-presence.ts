import { actorLabel, type ObservationFlag, type SecurityObservation } from './security-observation.js';

/**
 * R1 (docs/domain.md): the army (FARDC) at a mine site or inside a ZEA, the observation still
 * current: it has no lawful role there. Currency is R11's business (r11-stale-observation.ts).
 * Fixtures: tests/fixtures/security/observations/army-*.json.
 */
export function r1ArmyPresence(o: SecurityObservation): ObservationFlag | undefined {
  if (o.actor_type !== 'fardc') return undefined;
  return { rule: 'R1', level: 'red', reason: `military presence: ${actorLabel(o)} seen on ${o.observed_on}` };
}
