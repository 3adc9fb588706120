import { describe, expect, it } from 'vitest';
import { monthEnds } from '../../../server/analysis/timeline/month-ends.js';

describe('monthEnds', () => {
  it('counts back across a year, with each month’s last day (leap February included)', () => {
    expect(monthEnds('2020-03-10', 4)).toEqual([
      { month: '2019-12', date: '2019-12-31' },
      { month: '2020-01', date: '2020-01-31' },
      { month: '2020-02', date: '2020-02-29' },
      { month: '2020-03', date: '2020-03-10' },
    ]);
  });

  it('judges the last month on the day asked, even its last day', () => {
    expect(monthEnds('2019-04-30', 1)).toEqual([{ month: '2019-04', date: '2019-04-30' }]);
  });

  it('gives ten years as 120 distinct months', () => {
    const months = monthEnds('2026-12-05', 120).map((m) => m.month);
    expect(new Set(months).size).toBe(120);
    expect(months[0]).toBe('2017-01');
  });
});
