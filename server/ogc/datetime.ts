import { dayOf, utcMidnight } from '../domain/iso-date.js';
import { badRequest } from '../http/errors.js';

/** Days (YYYY-MM-DD, UTC, inclusive) a `datetime` parameter covers; an absent end is open. */
export interface DayRange {
  start?: string;
  end?: string;
}

// RFC 3339 section 5.6 (its ABNF allows a lower-case `t` and `z`, and the note in 5.6 a space). An
// offset sign may arrive as a space: a `+` left unencoded in a query string is decoded to one.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|([+ -])(\d{2}):(\d{2})))?$/;
const OPEN = new Set(['', '..']);

/**
 * An RFC 3339 date-time as milliseconds since the epoch. A bare full-date (YYYY-MM-DD) is taken
 * too, as the whole UTC day: the layers' dates are days, and GIS users type days.
 * Returns [first instant, last instant] so that a bare day can stand for its whole span.
 */
function parseInstant(text: string): [number, number] {
  const m = DATE_TIME.exec(text);
  if (!m) throw badRequest(`datetime '${text}' is not an RFC 3339 date-time (e.g. 2019-06-01T00:00:00Z) nor a date (2019-06-01)`);
  const midnight = utcMidnight(Number(m[1]), Number(m[2]), Number(m[3]));
  if (midnight === null) throw badRequest(`datetime '${text}' names a day that does not exist`);
  if (m[4] === undefined) return [midnight, midnight + 86_400_000 - 1];
  const [hour, minute, second] = [Number(m[4]), Number(m[5]), Number(m[6])];
  const [offsetHours, offsetMinutes] = m[9] ? [Number(m[10]), Number(m[11])] : [0, 0];
  // A second of 60 is a leap second (RFC 3339 5.7).
  if (hour > 23 || minute > 59 || second > 60 || offsetHours > 23 || offsetMinutes > 59) {
    throw badRequest(`datetime '${text}' has a time or offset out of range`);
  }
  const offset = (m[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMinutes) * 60_000;
  const fraction = m[7] ? Math.floor(Number(m[7]) * 1000) : 0;
  const instant = midnight + ((hour * 60 + minute) * 60 + second) * 1000 + fraction - offset;
  return [instant, instant];
}

/** The UTC day of an instant; PostgreSQL has no year 0, so the years 1 to 9999 only. */
function utcDay(ms: number): string {
  const day = dayOf(ms);
  if (!/^\d{4}-/.test(day) || day < '0001-01-01') throw badRequest(`datetime falls outside the years 1 to 9999 (${day})`);
  return day;
}

/**
 * The `datetime` parameter (/req/core/fc-time-definition): an instant, or an interval
 * `start/end` whose open end is `..` or empty (/req/core/fc-time-response F). The instants
 * become the UTC days they fall on: the layers record days, and a record's day overlaps an
 * instant when the instant falls within it. `../..` is taken as no restriction at all.
 */
export function parseDatetime(text: string): DayRange {
  const parts = text.split('/');
  if (parts.length > 2) throw badRequest(`datetime '${text}' has more than one '/': give an instant or one interval start/end`);
  if (parts.length === 1) {
    if (OPEN.has(text)) throw badRequest(`datetime '${text}' is empty: give an instant or an interval start/end with '..' for an open end`);
    const [first, last] = parseInstant(text);
    return { start: utcDay(first), end: utcDay(last) };
  }
  const [startText, endText] = parts as [string, string];
  const start = OPEN.has(startText) ? undefined : parseInstant(startText)[0];
  const end = OPEN.has(endText) ? undefined : parseInstant(endText)[1];
  if (start !== undefined && end !== undefined && start > end) throw badRequest(`datetime interval '${text}' ends before it starts`);
  return { start: start === undefined ? undefined : utcDay(start), end: end === undefined ? undefined : utcDay(end) };
}
