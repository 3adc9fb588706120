import type { TimelineMonth } from './timeline-api.js';

export const TIMELINE_ROWS = ['contested', 'militarised_km', 'armed_sites', 'incidents'] as const;
export type TimelineRow = (typeof TIMELINE_ROWS)[number];

/** The largest value of each row, for the cells' shades (1 where a row is all zero, to avoid dividing by it). */
export function rowMaxima(months: readonly TimelineMonth[]): Record<TimelineRow, number> {
  return Object.fromEntries(TIMELINE_ROWS.map((row) => [row, Math.max(1, ...months.map((m) => m[row]))])) as Record<TimelineRow, number>;
}

/**
 * The month where most is flagged: each row's value as a share of that row's largest, summed,
 * so that kilometres do not outweigh counts. The latest such month on a tie (the story's end
 * of a peak is nearer the present). Null when nothing is flagged at all.
 */
export function peakMonth(months: readonly TimelineMonth[]): TimelineMonth | null {
  const max = rowMaxima(months);
  let best: TimelineMonth | null = null;
  let bestScore = 0;
  for (const month of months) {
    const score = TIMELINE_ROWS.reduce((sum, row) => sum + month[row] / max[row], 0);
    if (score > 0 && score >= bestScore) {
      best = month;
      bestScore = score;
    }
  }
  return best;
}
