import { describe, expect, it } from 'vitest';
import { parseDatetime } from '../../server/ogc/datetime.js';

/** The `datetime` parameter of OGC API Features (/req/core/fc-time-definition) as the UTC days it covers. */
describe('parseDatetime', () => {
  it.each([
    ['2019-06-01', { start: '2019-06-01', end: '2019-06-01' }],
    ['2019-06-01T12:00:00Z', { start: '2019-06-01', end: '2019-06-01' }],
    ['2019-06-01t12:00:00.250z', { start: '2019-06-01', end: '2019-06-01' }],
    // The instant is moved to UTC before its day is taken.
    ['2019-06-01T23:30:00-02:00', { start: '2019-06-02', end: '2019-06-02' }],
    ['2019-06-01T01:00:00+02:00', { start: '2019-05-31', end: '2019-05-31' }],
    // A `+` left unencoded in a URL arrives as a space.
    ['2019-06-01T01:00:00 02:00', { start: '2019-05-31', end: '2019-05-31' }],
    ['2019-06-01T23:59:60Z', { start: '2019-06-02', end: '2019-06-02' }],
    ['2019-01-01/2019-12-31', { start: '2019-01-01', end: '2019-12-31' }],
    ['2019-01-01T00:00:00Z/2019-01-01T00:00:00Z', { start: '2019-01-01', end: '2019-01-01' }],
    ['2019-01-01/..', { start: '2019-01-01', end: undefined }],
    ['2019-01-01/', { start: '2019-01-01', end: undefined }],
    ['../2019-01-01', { start: undefined, end: '2019-01-01' }],
    ['/2019-01-01T10:00:00Z', { start: undefined, end: '2019-01-01' }],
    ['../..', { start: undefined, end: undefined }],
    ['0001-01-01', { start: '0001-01-01', end: '0001-01-01' }],
  ])('%s → %o', (text, range) => {
    expect(parseDatetime(text)).toEqual(range);
  });

  it.each([
    ['', /empty/],
    ['..', /empty/],
    ['yesterday', /not an RFC 3339 date-time/],
    ['2019-6-1', /not an RFC 3339 date-time/],
    ['2019-06-01T12:00:00', /not an RFC 3339 date-time/],
    ['2019-06-01T12:00Z', /not an RFC 3339 date-time/],
    ['2019-02-30', /does not exist/],
    ['2019-13-01', /does not exist/],
    ['2019-06-01T24:00:00Z', /out of range/],
    ['2019-06-01T12:00:00+24:00', /out of range/],
    ['2020-01-01/2019-12-31', /ends before it starts/],
    ['2019-01-01/2019-06-01/2020-01-01', /more than one '\/'/],
    ['0000-01-01', /outside the years 1 to 9999/],
  ])('refuses %j', (text, message) => {
    expect(() => parseDatetime(text)).toThrow(message);
    try {
      parseDatetime(text);
    } catch (error) {
      expect((error as { statusCode?: number }).statusCode).toBe(400);
    }
  });
});
