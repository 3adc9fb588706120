import type { Timeline } from '../../../../server/analysis/timeline/timeline-schema.js';
import { getJson } from '../../shared/api.js';

export type { Timeline };
export type { TimelineMonth } from '../../../../server/analysis/timeline/timeline-schema.js';

/** The ten years up to `to`, counted over `area` (west, south, east, north). */
export function fetchTimeline(to: string, area: readonly number[], signal?: AbortSignal): Promise<Timeline> {
  return getJson<Timeline>(`api/analysis/timeline?to=${encodeURIComponent(to)}&bbox=${area.join(',')}`, signal);
}
