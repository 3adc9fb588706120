import type { Queryable } from '../../db/database.js';
import { ROUTE_DEFAULTS } from '../militarised-routes/route-params.js';
import { FRESH_DAYS } from '../security/security-params.js';
import { ARMED_LEVELS } from '../../rules/armed-levels.js';
import { contestedOn, militarisedRoutesOnDays, siteFlagsOn } from '../map-analyses.js';
import { monthEnds } from './month-ends.js';
import type { TimelineParams } from './timeline-params.js';
import type { Timeline, TimelineMonth } from './timeline-schema.js';
import { incidentsByMonthSql, inputDigestsSql } from './timeline-sql.js';

const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * One count per day, the analysis run once per distinct digest of its inputs (timeline-sql.ts),
 * on the first day that has it: a later day whose inputs an earlier day had takes its count.
 * `countOn` counts on the days given, all at once or one by one (countEach).
 */
async function countByDigest(
  days: Array<{ date: string; digest: string }>,
  countOn: (dates: string[]) => Promise<Map<string, number>>,
): Promise<Map<string, number>> {
  const firstWith = new Map<string, string>();
  for (const { date, digest } of days) if (!firstWith.has(digest)) firstWith.set(digest, date);
  const counts = await countOn([...firstWith.values()]);
  return new Map(
    days.map(({ date, digest }) => {
      const count = counts.get(firstWith.get(digest)!);
      if (count === undefined) throw new Error(`the timeline has no count for ${firstWith.get(digest)}`);
      return [date, count];
    }),
  );
}

/** A count of one day run on each day in turn. */
const countEach =
  (count: (date: string) => Promise<number>) =>
  async (dates: string[]): Promise<Map<string, number>> => {
    const counts = new Map<string, number>();
    for (const date of dates) counts.set(date, await count(date));
    return counts;
  };

const contestedCount = async (db: Queryable, date: string, bbox: number[] | undefined) => (await contestedOn(db, date, bbox)).features.length;

/** The militarised kilometres of each day, in a few statements for all the days (militarised-routes.ts). */
async function militarisedKmOnDays(db: Queryable, dates: string[], bbox: number[] | undefined): Promise<Map<string, number>> {
  const byDay = await militarisedRoutesOnDays(db, dates, bbox);
  return new Map([...byDay].map(([date, routes]) => [date, round2(routes.routes.reduce((sum, r) => sum + r.militarised_km, 0))]));
}

async function armedSitesOn(db: Queryable, date: string, bbox: number[] | undefined): Promise<number> {
  const sites = await siteFlagsOn(db, date, bbox);
  return sites.features.filter((f) => ARMED_LEVELS.has(f.properties.level)).length;
}

/**
 * Month by month, what the map would flag on each month's last day, counted with the map's
 * own analyses and their defaults, so the strip and the map cannot disagree: contested zones,
 * militarised route kilometres, sites with current armed presence, and the month's incidents.
 */
export async function buildTimeline(db: Queryable, params: TimelineParams): Promise<Timeline> {
  const ends = monthEnds(params.to, params.months);
  const days = ends.map((e) => e.date);
  const digestQuery = inputDigestsSql(days, { freshDays: FRESH_DAYS, routeWindowDays: ROUTE_DEFAULTS.window_days });
  const digests = await db.query<{ date: string; claims: string; sites: string; routes: string }>(digestQuery.text, digestQuery.values);
  const ofKind = (kind: 'claims' | 'sites' | 'routes') => digests.map((d) => ({ date: d.date, digest: d[kind] }));
  const contested = await countByDigest(
    ofKind('claims'),
    countEach((date) => contestedCount(db, date, params.bbox)),
  );
  const militarisedKm = await countByDigest(ofKind('routes'), (dates) => militarisedKmOnDays(db, dates, params.bbox));
  const armedSites = await countByDigest(
    ofKind('sites'),
    countEach((date) => armedSitesOn(db, date, params.bbox)),
  );
  const incidentQuery = incidentsByMonthSql(`${ends[0]!.month}-01`, params.to, params.bbox);
  const incidents = new Map(
    (await db.query<{ month: string; incidents: number }>(incidentQuery.text, incidentQuery.values)).map((r) => [r.month, r.incidents]),
  );
  const months = ends.map(({ month, date }): TimelineMonth => ({
    month,
    date,
    contested: contested.get(date) ?? 0,
    militarised_km: militarisedKm.get(date) ?? 0,
    armed_sites: armedSites.get(date) ?? 0,
    incidents: incidents.get(month) ?? 0,
  }));
  return { to: params.to, months };
}
