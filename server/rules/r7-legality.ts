import type { ContestedCandidate, RuleHit } from '../analysis/contested/contested-types.js';

/**
 * R7 (docs/domain.md), as it applies to a contested zone: a claimant not authorised (pending or
 * unrecognised) claims ground inside a ZEA, where the Mining Code (art. 109) lets only
 * approved cooperatives mine; or the overlap lies, wholly or for at least `minAreaHa`,
 * outside every ZEA in force.
 * Fixtures: tests/fixtures/contested/true/{unrecognised-inside-zea,outside-zea}.*.
 */
export function r7Legality(zone: ContestedCandidate, minAreaHa: number): RuleHit | undefined {
  const evidence: RuleHit['evidence'] = [];
  const zones = zone.zones ?? [];
  if (zones.length > 0) {
    const seen = new Set<number>();
    for (const c of zone.claimants ?? []) {
      if (c.legal_status === 'authorised' || seen.has(c.cooperative_id)) continue;
      seen.add(c.cooperative_id);
      evidence.push({
        layer: 'cooperatives',
        id: c.cooperative_id,
        why: `${c.cooperative_name} (${c.legal_status}) claims ground inside ${zones.map((z) => z.code).join(', ')}`,
      });
    }
  }
  const outside = zone.outside_zea_ha;
  if (zones.length === 0 || outside >= Math.max(minAreaHa, 0.0001 * zone.area_ha)) {
    const why = zones.length === 0 ? 'the overlap lies outside every ZEA' : `${outside.toFixed(1)} ha of the overlap lie outside every ZEA`;
    evidence.push(...(zone.claimants ?? []).map((c) => ({ layer: 'claims' as const, id: c.claim_id, why })));
  }
  if (evidence.length === 0) return undefined;
  return { rule: 'R7', reason: [...new Set(evidence.map((e) => e.why))].join('; '), evidence };
}
