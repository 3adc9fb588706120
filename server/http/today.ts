/**
 * The time zone of the days the data records. Visits, claims, incidents and their periods are
 * dated in South Kivu's local days, and Bukavu keeps Central Africa Time (UTC+2, no summer
 * time; the IANA zone is Africa/Lubumbashi). So "today" is the day it is there, for every
 * caller: between midnight and 2:00 in Bukavu UTC still names the day before, and an analysis
 * asked "as of today" would leave out what began that morning. The pages use the same zone
 * (web/src/shared/today.ts), so a page and the server it asks agree on the day wherever the
 * user's browser is set.
 */
export const DATA_TIME_ZONE = 'Africa/Lubumbashi';

const DAY_PARTS = new Intl.DateTimeFormat('en', { timeZone: DATA_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The day (YYYY-MM-DD) `at` falls on in South Kivu. */
export function dayInSouthKivu(at: Date): string {
  const part = (type: Intl.DateTimeFormatPartTypes) => DAY_PARTS.formatToParts(at).find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Today in South Kivu as YYYY-MM-DD: the default "as of" of analyses and the day in a tile's ETag. */
export function today(): string {
  return dayInSouthKivu(new Date());
}
