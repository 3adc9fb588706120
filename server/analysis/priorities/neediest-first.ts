/**
 * Neediest first, the order a meeting reasons in (issue #15): each unit goes for the place
 * with the highest need not yet covered, then is stationed, among the places within reach of
 * that one, where it also covers the most other uncovered need. Maximum coverage of summed
 * need (greedy-coverage.ts) may instead send the first units to clusters of small needs and
 * leave the single most acute place to a later unit, or to none.
 */
import type { Placement } from './greedy-coverage.js';

export interface NeediestPlacement extends Placement {
  /** The place the unit was sent for: the neediest one still uncovered. */
  target: string;
}

/**
 * `covers`: for each candidate station, the places a unit there covers; `need` each place's
 * need; `ranked` the places in rank order (highest need first, ties as the ranking broke them).
 * Stops early when no uncovered place has any need left.
 */
export function neediestFirst(
  covers: ReadonlyMap<string, readonly string[]>,
  need: ReadonlyMap<string, number>,
  ranked: readonly string[],
  units: number,
): NeediestPlacement[] {
  const covered = new Set<string>();
  const placements: NeediestPlacement[] = [];
  const gain = (candidate: string) => (covers.get(candidate) ?? []).filter((k) => !covered.has(k)).reduce((s, k) => s + (need.get(k) ?? 0), 0);
  // Sorted keys make ties go the same way on every run and both databases.
  const candidates = [...covers.keys()].sort();
  for (let u = 0; u < units; u += 1) {
    const target = ranked.find((k) => !covered.has(k) && (need.get(k) ?? 0) > 1e-9);
    if (target === undefined) break;
    // Stations within reach of the target: those whose coverage includes it; the target itself first on a tie.
    let best = covers.get(target)?.includes(target) ? target : undefined;
    let bestGain = best === undefined ? -1 : gain(best);
    for (const c of candidates) {
      if (c === target || !covers.get(c)!.includes(target)) continue;
      const g = gain(c);
      if (g > bestGain + 1e-9) {
        best = c;
        bestGain = g;
      }
    }
    // No station reaches it (a reach of 0 km and an anchor outside its own place): the unit sits on it.
    const station = best ?? target;
    const newly = best === undefined ? [target] : covers.get(station)!.filter((k) => !covered.has(k));
    newly.forEach((k) => covered.add(k));
    placements.push({ candidate: station, target, marginal: newly.reduce((s, k) => s + (need.get(k) ?? 0), 0), covers: newly });
  }
  return placements;
}
