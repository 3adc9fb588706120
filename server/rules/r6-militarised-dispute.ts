import type { ContestedCandidate, NearbyPresence, RuleHit } from '../analysis/contested/contested-types.js';

/**
 * R6 (docs/domain.md): a contested zone (R5) where a security actor is linked to one of the
 * claimants (hired by it, protecting it), or stands inside or within `near_km` of the
 * overlap: the Bitale pattern.
 * Project choice: the Mining Police (PMH) nearby without any interference behaviour is the
 * remedy the working group deploys, not a militarisation, so it does not fire R6 by
 * proximity; a PMH unit hired by a claimant, or one that taxes or extorts, does.
 * Fixtures: tests/fixtures/contested/true/{bitale-militarised,army-near-overlap,pmh-nearby-no-r6}.*.
 */
export function presenceCounts(presence: NearbyPresence, claimantCooperatives: ReadonlySet<number>): string | undefined {
  const actor = presence.actor_name ?? presence.actor_type;
  if (presence.linked_cooperative_id !== null && claimantCooperatives.has(presence.linked_cooperative_id)) {
    return `${actor} ${presence.link_kind === 'hired' ? 'hired by' : 'protecting'} a claimant`;
  }
  const lawfulAndClean = presence.actor_type === 'pmh' && presence.behaviours.length === 0;
  if (lawfulAndClean) return undefined;
  return presence.distance_km === 0 ? `${actor} inside the overlap` : `${actor} ${presence.distance_km.toFixed(1)} km from the overlap`;
}

export function r6MilitarisedDispute(zone: ContestedCandidate): RuleHit | undefined {
  const cooperatives = new Set((zone.claimants ?? []).map((c) => c.cooperative_id));
  const evidence = (zone.presence ?? []).flatMap((p) => {
    const why = presenceCounts(p, cooperatives);
    return why ? [{ layer: 'presence' as const, id: p.presence_id, why }] : [];
  });
  if (evidence.length === 0) return undefined;
  return { rule: 'R6', reason: `security actors in the dispute: ${evidence.map((e) => e.why).join('; ')}`, evidence };
}
