import { actorLabel, type ObservationFlag, type SecurityObservation } from './security-observation.js';

/**
 * R4 (docs/domain.md): the Mining Police (PMH) without interference is the expected, lawful
 * actor at a mine site (info); the national police (PNC) without interference is lawful
 * but not the mining-site actor (amber). With interference, R2 speaks instead.
 * Fixtures: tests/fixtures/security/observations/*-police-clean.json.
 */
export function r4PolicePresence(o: SecurityObservation): ObservationFlag | undefined {
  if (o.behaviours.length > 0) return undefined;
  if (o.actor_type === 'pmh') return { rule: 'R4', level: 'info', reason: `Mining Police present without interference: ${actorLabel(o)} (${o.observed_on})` };
  if (o.actor_type === 'pnc')
    return { rule: 'R4', level: 'amber', reason: `national police at a mine site, not the mining-site actor: ${actorLabel(o)} (${o.observed_on})` };
  return undefined;
}
