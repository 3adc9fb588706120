import { actorLabel, type ObservationFlag, type SecurityObservation } from './security-observation.js';

/**
 * R3 (docs/domain.md): a non-state armed group, local (Raïa Mutomboki, Maï-Maï) or foreign
 * (FDLR), present: always red, whatever it is seen doing.
 * Fixtures: tests/fixtures/security/observations/armed-group-*.json.
 */
export function r3ArmedGroup(o: SecurityObservation): ObservationFlag | undefined {
  if (o.actor_type !== 'armed_group_local' && o.actor_type !== 'armed_group_foreign') return undefined;
  return { rule: 'R3', level: 'red', reason: `armed group present: ${actorLabel(o)} seen on ${o.observed_on}` };
}
