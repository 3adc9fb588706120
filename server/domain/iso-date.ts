/**
 * Days as the application writes them, YYYY-MM-DD, reckoned in UTC so that no time zone shifts
 * a day. The one date module: the server's request and import parsing and its rules, and the
 * pages (web/src/shared/iso-dates.ts), so no Node API here. Which day "today" is lives apart,
 * with the time zone of the data (server/http/today.ts, web/src/shared/today.ts).
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/**
 * Midnight UTC that starts a calendar day, in milliseconds since the epoch; null when the day
 * does not exist. Dates roll 2019-02-30 over into March: that day is refused, not moved.
 */
export function utcMidnight(year: number, month: number, day: number): number | null {
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, keeps years below 100 as written.
  date.setUTCFullYear(year, month - 1, day);
  const exists = month >= 1 && month <= 12 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return exists ? date.getTime() : null;
}

/** The day at `ms` since the epoch, as YYYY-MM-DD (years 0–9999). */
export function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The parts of a real day in YYYY-MM-DD, or null: 2019-02-30 is not one. */
export function parseIsoDate(value: string): { year: number; month: number; day: number } | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return utcMidnight(year, month, day) === null ? null : { year, month, day };
}

/** A real day in YYYY-MM-DD: 2019-02-30 is not one. */
export function isIsoDate(value: string): boolean {
  return parseIsoDate(value) !== null;
}

/** Midnight UTC of an ISO date that is known to be real (a validated parameter, a stored day). */
function midnightOf(date: string): number {
  const parts = parseIsoDate(date);
  if (!parts) throw new RangeError(`'${date}' is not a real day in YYYY-MM-DD`);
  return utcMidnight(parts.year, parts.month, parts.day)!;
}

/** `date` moved by `days` (negative: earlier). */
export function addDays(date: string, days: number): string {
  return dayOf(midnightOf(date) + days * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((midnightOf(to) - midnightOf(from)) / DAY_MS);
}
