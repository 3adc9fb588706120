import { describe, expect, it } from 'vitest';
import { judgeObservations, overallLevel } from '../../server/rules/security-actor-rules.js';
import { isStale } from '../../server/rules/r11-stale-observation.js';
import type { SecurityObservation } from '../../server/rules/security-observation.js';
import { readFixtures } from '../support/fixtures.js';

interface ObservationCase {
  date: string;
  fresh_days: number;
  observations: SecurityObservation[];
  expected: { flags: [rule: string, level: string][]; level: string };
}

/** R1–R4 on one observation each, R11 deciding whether what they say is current. */
describe('security-actor rules (R1–R4, R11), one fixture per case', () => {
  it.each(readFixtures<ObservationCase>('security/observations'))('%s', (_name, c) => {
    const flags = judgeObservations(c.observations, c.date, c.fresh_days);
    expect(flags.map((f) => [f.rule, f.level]).sort()).toEqual([...c.expected.flags].sort());
    for (const f of flags) {
      expect(f.reason.length).toBeGreaterThan(10);
      expect(f.stale).toBe(isStale(f.observed_on, c.date, c.fresh_days));
    }
    const current = c.observations.some((o) => !isStale(o.observed_on, c.date, c.fresh_days));
    expect(overallLevel(flags, current)).toBe(c.expected.level);
  });
});

describe('R11 freshness', () => {
  it('counts an observation exactly fresh_days old as current, one day more as stale', () => {
    expect(isStale('2019-01-01', '2020-01-01', 365)).toBe(false);
    expect(isStale('2019-01-01', '2020-01-02', 365)).toBe(true);
  });
});
