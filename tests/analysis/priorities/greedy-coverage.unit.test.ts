import { describe, expect, it } from 'vitest';
import { seededRandom as random } from '../../../server/generate/seeded-random.js';
import { coveredNeed, greedyCoverage } from '../../../server/analysis/priorities/greedy-coverage.js';

/** Places on a 100 × 100 km square; a unit at a place covers the places within the radius. */
function instance(seed: number, places: number, radius: number) {
  const rnd = random(seed);
  const points = Array.from({ length: places }, (_, i) => ({ key: `p${i}`, x: rnd() * 100, y: rnd() * 100, need: Math.round(rnd() * 10 * 100) / 100 }));
  const covers = new Map(points.map((c) => [c.key, points.filter((p) => Math.hypot(p.x - c.x, p.y - c.y) <= radius).map((p) => p.key)]));
  return { covers, need: new Map(points.map((p) => [p.key, p.need])) };
}

function bestByBruteForce(covers: Map<string, string[]>, need: Map<string, number>, units: number): number {
  const keys = [...covers.keys()];
  let best = 0;
  const choose = (start: number, chosen: string[]): void => {
    if (chosen.length === units) {
      best = Math.max(best, coveredNeed(chosen, covers, need));
      return;
    }
    for (let i = start; i < keys.length; i += 1) choose(i + 1, [...chosen, keys[i]!]);
  };
  choose(0, []);
  return best;
}

describe('greedy placement against brute force on small cases', () => {
  const results: { seed: number; units: number; greedy: number; best: number }[] = [];
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]) {
    for (const units of [1, 2, 3]) {
      it(`instance ${seed}, ${units} unit(s): greedy covers at least 1 − 1/e of the optimum`, () => {
        const { covers, need } = instance(seed, 14, 22);
        const plan = greedyCoverage(covers, need, units);
        const greedy = plan.reduce((s, p) => s + p.marginal, 0);
        const best = bestByBruteForce(covers, need, units);
        expect(greedy).toBeCloseTo(
          coveredNeed(
            plan.map((p) => p.candidate),
            covers,
            need,
          ),
          6,
        );
        expect(greedy).toBeLessThanOrEqual(best + 1e-9);
        expect(greedy).toBeGreaterThanOrEqual((1 - 1 / Math.E) * best - 1e-9);
        if (units === 1) expect(greedy).toBeCloseTo(best, 6); // one unit: greedy is exact
        results.push({ seed, units, greedy, best });
      });
    }
  }

  it('reports how close it came over all instances', () => {
    const ratios = results.map((r) => (r.best > 0 ? r.greedy / r.best : 1));
    const worst = Math.min(...ratios);
    const exact = ratios.filter((r) => r > 1 - 1e-9).length;
    console.log(`greedy vs brute force: ${exact}/${ratios.length} instances optimal, worst ratio ${worst.toFixed(3)}`);
    expect(ratios).toHaveLength(36);
    expect(worst).toBeGreaterThanOrEqual(1 - 1 / Math.E);
  });

  it('stops placing units once nothing is left to cover', () => {
    const covers = new Map([
      ['a', ['a', 'b']],
      ['b', ['a', 'b']],
    ]);
    const plan = greedyCoverage(
      covers,
      new Map([
        ['a', 1],
        ['b', 2],
      ]),
      3,
    );
    expect(plan).toHaveLength(1);
    expect(plan[0]!.marginal).toBe(3);
  });
});
