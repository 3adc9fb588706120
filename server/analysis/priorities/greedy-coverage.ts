/**
 * Maximum coverage, greedily: each unit goes where it covers the most need not yet covered.
 * Coverage of need is monotone and submodular, so the greedy choice covers at least
 * 1 − 1/e ≈ 63 % of what the best placement would (Nemhauser, Wolsey & Fisher, 1978);
 * tests/analysis/priorities compare it with brute force on small cases.
 */
export interface Placement {
  candidate: string;
  marginal: number;
  covers: string[];
}

export function greedyCoverage(covers: ReadonlyMap<string, readonly string[]>, need: ReadonlyMap<string, number>, units: number): Placement[] {
  const covered = new Set<string>();
  const placements: Placement[] = [];
  const gain = (candidate: string) => (covers.get(candidate) ?? []).filter((k) => !covered.has(k)).reduce((s, k) => s + (need.get(k) ?? 0), 0);
  // Sorted keys make ties go the same way on every run and both databases.
  const candidates = [...covers.keys()].sort();
  for (let u = 0; u < units; u += 1) {
    let best: string | undefined;
    let bestGain = 0;
    for (const c of candidates) {
      const g = gain(c);
      if (g > bestGain + 1e-9) {
        best = c;
        bestGain = g;
      }
    }
    // Nothing left to cover: a unit sent nowhere useful is a unit wasted.
    if (best === undefined) break;
    const newly = covers.get(best)!.filter((k) => !covered.has(k));
    newly.forEach((k) => covered.add(k));
    placements.push({ candidate: best, marginal: bestGain, covers: newly });
  }
  return placements;
}

/** Need covered by a set of candidates, each place counted once. */
export function coveredNeed(chosen: readonly string[], covers: ReadonlyMap<string, readonly string[]>, need: ReadonlyMap<string, number>): number {
  const covered = new Set(chosen.flatMap((c) => covers.get(c) ?? []));
  return [...covered].reduce((s, k) => s + (need.get(k) ?? 0), 0);
}
