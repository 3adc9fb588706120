import type { Point } from 'geojson';
import type { Queryable } from '../../db/database.js';
import { ageInDays, isStale } from '../../rules/r11-stale-observation.js';
import { LEVEL_RANK, judgeObservations, overallLevel } from '../../rules/security-actor-rules.js';
import type { SecurityObservation } from '../../rules/security-observation.js';
import type { SecurityParams } from './security-params.js';
import { siteFlagsSql } from './site-flags-sql.js';
import type { SiteFlags, SiteFlagsFeature } from './security-schema.js';

interface SiteRow {
  site_id: number;
  name: string;
  pcode: string | null;
  illustrative: boolean;
  geometry: Point;
  visit_id: number | null;
  visited_on: string | null;
  visit_actors: SecurityObservation[] | null;
  presence: SecurityObservation[] | null;
}

/**
 * Mine sites flagged by the security actors seen there (R1–R4), each flag marked stale or
 * current (R11). Sites never observed by the date are left out: there is nothing to say.
 */
export async function findSiteFlags(db: Queryable, params: SecurityParams): Promise<SiteFlags> {
  const { text, values } = siteFlagsSql(params);
  const rows = await db.query<SiteRow>(text, values);
  const features: SiteFlagsFeature[] = [];
  for (const row of rows) {
    const observations = [...(row.visit_actors ?? []), ...(row.presence ?? [])];
    if (row.visited_on === null && observations.length === 0) continue;
    const flags = judgeObservations(observations, params.date, params.freshDays);
    const dates = [row.visited_on, ...observations.map((o) => o.observed_on)].filter((d): d is string => d !== null);
    const lastObserved = dates.sort().at(-1)!;
    const level = overallLevel(flags, !isStale(lastObserved, params.date, params.freshDays));
    features.push({
      type: 'Feature',
      id: row.site_id,
      geometry: row.geometry,
      properties: {
        site_id: row.site_id,
        name: row.name,
        pcode: row.pcode,
        illustrative: row.illustrative,
        date: params.date,
        level,
        level_rank: LEVEL_RANK[level],
        rules: [...new Set(flags.filter((f) => !f.stale).map((f) => f.rule))].sort(),
        flags,
        last_visit_on: row.visited_on,
        last_observed_on: lastObserved,
        age_days: ageInDays(lastObserved, params.date),
        stale: isStale(lastObserved, params.date, params.freshDays),
      },
    });
  }
  return { type: 'FeatureCollection', features };
}
