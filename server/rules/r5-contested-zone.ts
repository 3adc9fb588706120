import type { Claimant, ContestedCandidate, RuleHit } from '../analysis/contested/contested-types.js';

/**
 * R5 (docs/domain.md): claims of two or more cooperatives overlap, each in force on the date,
 * the overlap above a threshold. Thresholds: the overlap covers at least `minAreaHa`
 * (applied in SQL) and takes at least `minShare` of some claimant's claim, so that a
 * digitising sliver along a shared boundary is not a dispute.
 * Fixtures: tests/fixtures/contested/{true,false}/.
 */
export function contestedShare(claimant: Claimant): number {
  return claimant.claim_ha > 0 ? claimant.contested_ha / claimant.claim_ha : 0;
}

export function r5ContestedZone(zone: ContestedCandidate, minShare: number): RuleHit | undefined {
  const claimants = zone.claimants ?? [];
  const cooperatives = new Set(claimants.map((c) => c.cooperative_id));
  if (cooperatives.size < 2) return undefined;
  if (!claimants.some((c) => contestedShare(c) >= minShare)) return undefined;
  const names = [...new Map(claimants.map((c) => [c.cooperative_id, c.cooperative_name])).values()];
  return {
    rule: 'R5',
    reason: `claims of ${cooperatives.size} cooperatives overlap on ${zone.area_ha.toFixed(1)} ha: ${names.join(', ')}`,
    evidence: claimants.map((c) => ({
      layer: 'claims' as const,
      id: c.claim_id,
      why: `${c.cooperative_name}: ${(contestedShare(c) * 100).toFixed(1)} % of its claim contested`,
    })),
  };
}
