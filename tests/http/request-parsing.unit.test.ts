import { describe, expect, it } from 'vitest';
import { parseBbox } from '../../server/http/bbox-param.js';
import { dayInSouthKivu, today } from '../../server/http/today.js';
import { dayInSouthKivu as pagesDay } from '../../web/src/shared/today.js';

describe('bbox of the layer API, the analyses and the exports', () => {
  it('reads four numbers west, south, east, north', () => {
    expect(parseBbox('28.5,-2.4,29,-1.7')).toEqual([28.5, -2.4, 29, -1.7]);
  });

  it('refuses an inverted box and one outside WGS84, in words', () => {
    expect(() => parseBbox('29,-2.4,28.5,-1.7')).toThrow(/min ≤ max/);
    expect(() => parseBbox('28.5,-2.4,190,-1.7')).toThrow(/outside WGS84/);
  });
});

describe('today, in South Kivu', () => {
  it('is the day in Bukavu (UTC+2): 23:00 UTC is already the next day there, 21:59 UTC is not', () => {
    expect(dayInSouthKivu(new Date('2024-02-28T21:59:59Z'))).toBe('2024-02-28');
    expect(dayInSouthKivu(new Date('2024-02-28T22:00:00Z'))).toBe('2024-02-29');
    expect(dayInSouthKivu(new Date('2024-12-31T23:30:00Z'))).toBe('2025-01-01');
  });

  it('is the same day for the pages as for the server', () => {
    for (const at of ['2024-02-28T21:59:59Z', '2024-02-28T22:00:00Z', '2019-06-15T12:00:00Z']) {
      expect(pagesDay(new Date(at))).toBe(dayInSouthKivu(new Date(at)));
    }
  });

  it('is an ISO date', () => {
    expect(today()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
