import { actorLabel, type ObservationFlag, type SecurityObservation } from './security-observation.js';

/** State or private security: lawful actors whose interference is what R2 is about. */
const STATE_OR_PRIVATE = new Set(['fardc', 'pmh', 'pnc', 'private_security', 'other_state']);

/**
 * R2 (docs/domain.md): a state or private security actor that taxes, extorts, owns pits, buys
 * minerals, forces labour or pillages: illegal interference (OECD Due Diligence Guidance,
 * Annex II). Every behaviour in the vocabulary is one of those.
 * Fixtures: tests/fixtures/security/observations/{army-taxing,mining-police-interference,private-security-clean}.json.
 */
export function r2IllegalInterference(o: SecurityObservation): ObservationFlag | undefined {
  if (!STATE_OR_PRIVATE.has(o.actor_type) || o.behaviours.length === 0) return undefined;
  return { rule: 'R2', level: 'red', reason: `illegal interference by ${actorLabel(o)}: ${o.behaviours.join(', ')} (${o.observed_on})` };
}
