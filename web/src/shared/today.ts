/**
 * Today as the pages open on it, in the time zone of the data's days. Visits, claims and
 * incidents are dated in South Kivu's local days (Central Africa Time, UTC+2, no summer time;
 * IANA Africa/Lubumbashi), and the server's default date is the same day (server/http/today.ts).
 * Not the browser's zone: a user in Kinshasa or Brussels looking at Kivu should see the day it
 * is there, and a page should never ask the server for a different "today" than the server's.
 */
const DATA_TIME_ZONE = 'Africa/Lubumbashi';

const DAY_PARTS = new Intl.DateTimeFormat('en', { timeZone: DATA_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The day (YYYY-MM-DD) `at` falls on in South Kivu. */
export function dayInSouthKivu(at: Date): string {
  const part = (type: Intl.DateTimeFormatPartTypes) => DAY_PARTS.formatToParts(at).find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Today in South Kivu as YYYY-MM-DD. */
export function today(): string {
  return dayInSouthKivu(new Date());
}
