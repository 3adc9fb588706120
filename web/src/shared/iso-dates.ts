const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real day in YYYY-MM-DD: 2019-02-30 is not one. */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** `date` moved by `days` (negative: earlier), on ISO dates (YYYY-MM-DD), in UTC so that no time zone shifts a day. */
export function addDays(date: string, days: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}
