/** `date` moved by `days` (negative: earlier), on ISO dates (YYYY-MM-DD), in UTC so that no time zone shifts a day. */
export function addDays(date: string, days: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}
