import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isIsoDate, parseIsoDate, utcMidnight } from '../../server/domain/iso-date.js';

/** The one date module of the server and the pages (server/domain/iso-date.ts). */
describe('ISO dates', () => {
  it('takes real days only, in YYYY-MM-DD', () => {
    for (const day of ['2019-08-15', '2020-02-29', '0099-01-01', '9999-12-31']) expect(isIsoDate(day), day).toBe(true);
    for (const text of ['2019-02-29', '2019-02-30', '2019-13-01', '2019-00-10', '2019-8-15', '15-08-2019', '2019-08-15T00:00:00Z', '']) {
      expect(isIsoDate(text), text).toBe(false);
    }
    expect(parseIsoDate('2020-02-29')).toEqual({ year: 2020, month: 2, day: 29 });
  });

  it('keeps years below 100 as written, where Date.UTC would add 1900', () => {
    expect(utcMidnight(99, 1, 1)).toBe(Date.parse('0099-01-01T00:00:00Z'));
    expect(utcMidnight(2019, 2, 30)).toBeNull();
  });

  it('counts days across months, years and leap days, in UTC', () => {
    expect(addDays('2019-08-15', -89)).toBe('2019-05-18');
    expect(addDays('2020-03-01', -1)).toBe('2020-02-29');
    expect(addDays('2019-12-31', 1)).toBe('2020-01-01');
    expect(daysBetween('2019-01-01', '2020-01-01')).toBe(365);
    expect(daysBetween('2020-03-01', '2020-02-28')).toBe(-2);
    expect(() => addDays('2019-02-30', 1)).toThrow(RangeError);
  });
});
