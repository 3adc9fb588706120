/**
 * What a mine site's symbol says of armed presence, taken from the analysis
 * (`GET /api/analysis/sites`, rules R1–R4 judged fresh or stale by R11) and never from the raw
 * latest visit: a 2013 visit that saw soldiers is not today's armed presence, and the map
 * must not say otherwise than the analysis does (issue 14).
 */
import type { SiteFlags } from '../../../../server/analysis/security/security-schema.js';
import { ARMED_LEVELS } from '../../../../server/rules/armed-levels.js';
import { ApiError, getJson } from '../../shared/api.js';

/** `current`: an armed flag in force on the date; `stale`: armed flags only from observations too old to count. */
export type PresenceState = 'current' | 'stale';

export interface SitePresence {
  state: PresenceState;
  /** The year of the last observation, shown beside a stale symbol ("last seen in 2013"). */
  year: string;
}

/** Each flagged site's presence state on `date`, by site id. Empty for a caller the analyses are closed to (partners). */
export async function fetchSitePresence(date: string, signal?: AbortSignal): Promise<Map<number, SitePresence>> {
  let answer: SiteFlags;
  try {
    answer = await getJson<SiteFlags>(`api/analysis/sites?date=${encodeURIComponent(date)}`, signal);
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) return new Map();
    throw error;
  }
  const states = new Map<number, SitePresence>();
  for (const { properties: p } of answer.features) {
    const year = p.last_observed_on.slice(0, 4);
    if (ARMED_LEVELS.has(p.level)) states.set(p.site_id, { state: 'current', year });
    else if (p.level === 'stale' && p.flags.some((f) => ARMED_LEVELS.has(f.level))) states.set(p.site_id, { state: 'stale', year });
  }
  return states;
}
