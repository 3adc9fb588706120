/**
 * The months of a timeline, oldest first, each with the day it is judged on: its last day,
 * or `to` itself in the month of `to` (a month not yet over is judged as of that day).
 */
export function monthEnds(to: string, months: number): Array<{ month: string; date: string }> {
  const [year, monthOfTo] = to.split('-').map(Number) as [number, number];
  const out: Array<{ month: string; date: string }> = [];
  for (let back = months - 1; back >= 0; back--) {
    // Date.UTC rolls month -1 or 12 over into the neighbouring year; day 0 is the last day of the month before.
    const first = new Date(Date.UTC(year, monthOfTo - 1 - back, 1));
    const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0));
    const month = first.toISOString().slice(0, 7);
    out.push({ month, date: back === 0 ? to : last.toISOString().slice(0, 10) });
  }
  return out;
}
