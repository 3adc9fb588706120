import { describe, expect, it } from 'vitest';
import { greedyCoverage } from '../../../server/analysis/priorities/greedy-coverage.js';
import { neediestFirst } from '../../../server/analysis/priorities/neediest-first.js';

/**
 * The Bitale shape (issue #15) on a line, km: one acute place A at 0 with a lesser neighbour
 * A2 at 3, and from 9 km on a cluster of five small needs 2 km apart. A unit reaches 5 km.
 */
const at: Record<string, number> = { A: 0, A2: 3, B1: 9, B2: 11, B3: 13, B4: 15, B5: 17 };
const need = new Map([
  ['A', 10],
  ['A2', 2],
  ['B1', 3],
  ['B2', 3],
  ['B3', 3],
  ['B4', 3],
  ['B5', 3],
]);
const reach = 5;
const covers = new Map(Object.keys(at).map((c) => [c, Object.keys(at).filter((p) => Math.abs(at[p]! - at[c]!) <= reach)]));
const ranked = [...need.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k]) => k);

describe('neediest first', () => {
  it('sends the one unit for the acute place, where coverage of summed need sends it to the cluster', () => {
    const [coverage] = greedyCoverage(covers, need, 1);
    expect(coverage!.covers).not.toContain('A');
    const [unit] = neediestFirst(covers, need, ranked, 1);
    expect(unit!.target).toBe('A');
    expect(unit!.covers).toContain('A');
  });

  it('on a tie between stations, sits on its target', () => {
    const [unit] = neediestFirst(covers, need, ranked, 1);
    // From A and from A2 a unit covers A and A2 alike.
    expect(unit!.candidate).toBe('A');
    expect(unit!.covers.sort()).toEqual(['A', 'A2']);
    expect(unit!.marginal).toBe(12);
  });

  it('prefers a station that also covers other need over the target itself', () => {
    // B1 is the neediest after A; only from B3 does a unit cover the whole cluster, B1 included.
    const cluster = new Map([...need].map(([k, v]) => [k, k === 'B1' ? 4 : v]));
    const order = [...cluster.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k]) => k);
    const [, second] = neediestFirst(covers, cluster, order, 2);
    expect(second!.target).toBe('B1');
    expect(second!.candidate).toBe('B3');
    expect(second!.covers.sort()).toEqual(['B1', 'B2', 'B3', 'B4', 'B5']);
  });

  it('each unit goes for the neediest place still uncovered, and stops when none has need left', () => {
    const units = neediestFirst(covers, need, ranked, 5);
    expect(units.map((u) => u.target)).toEqual(['A', 'B1']);
    expect(units.reduce((s, u) => s + u.marginal, 0)).toBe(27);
  });

  it('sits on its target when no station reaches it', () => {
    const [unit] = neediestFirst(new Map([['X', ['X']]]), new Map([['Y', 5]]), ['Y'], 1);
    expect(unit).toEqual({ candidate: 'Y', target: 'Y', marginal: 5, covers: ['Y'] });
  });
});
