import type { LineString } from 'geojson';
import type { Queryable } from '../../db/database.js';
import { r8PresenceEvidence, r8RoadblockEvidence, type NearbyRoadblock, type SegmentEvidence } from '../../rules/r8-militarised-route.js';
import { r9IncidentEvidence, type NearbyIncident } from '../../rules/r9-incident-escalation.js';
import { isStale } from '../../rules/r11-stale-observation.js';
import type { SecurityObservation } from '../../rules/security-observation.js';
import type { RouteParams } from './route-params.js';
import { routeSegmentsOnDaysSql, type RouteWindowParams } from './route-segments-sql.js';
import type { MilitarisedRoutes, RouteSegment, RouteSummary } from './militarised-routes-schema.js';

interface SegmentRow {
  route_id: number;
  route_name: string;
  illustrative: boolean;
  route_length_m: number;
  seq: number;
  count: number;
  geometry: LineString;
  length_m: number;
  roadblocks: NearbyRoadblock[] | null;
  presence: Array<SecurityObservation & { distance_m: number }> | null;
  incidents: NearbyIncident[] | null;
}

export type { RouteSummary };

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

/** Evidence on one segment under R8 and R9; stale presence (R11) does not count. */
function segmentEvidence(row: SegmentRow, params: RouteParams): SegmentEvidence[] {
  return [
    ...(row.roadblocks ?? []).map(r8RoadblockEvidence),
    ...(row.presence ?? []).filter((p) => !isStale(p.observed_on, params.date, params.freshDays)).map(r8PresenceEvidence),
    ...r9IncidentEvidence(row.incidents ?? [], params.k),
  ].filter((e): e is SegmentEvidence => e !== undefined);
}

/**
 * Routes cut into segments, each militarised or not on the date with its evidence and rule
 * ids (R8, R9); the collection's `routes` member sums up each route's militarised length.
 */
export async function findMilitarisedRoutes(db: Queryable, params: RouteParams): Promise<MilitarisedRoutes> {
  return (await findMilitarisedRoutesOnDays(db, params, [params.date])).get(params.date)!;
}

/**
 * Days per statement. The statement timeout (20 s) holds per statement, so a statement must stay
 * a few days' work. At province scale (the generator's defaults, 12 month ends, one run each),
 * in 12 statements, in one, and four days at a time (the longest statement in brackets):
 * - server, a zoom-10 area: 9.7 s, 6.1 s, 6.8 s (2.3 s); no area: 19.1 s, 12.2 s, 13.9 s (4.7 s);
 * - PGlite, a zoom-10 area: 15.4 s, 11.0 s, 11.8 s (4.0 s); no area: 30.3 s, 22.4 s (over the
 *   timeout), 23.8 s (8.1 s).
 */
const DAYS_PER_STATEMENT = 4;

/**
 * findMilitarisedRoutes on each of `days`, a few days to a statement (route-segments-sql.ts):
 * for the timeline, which counts the militarised kilometres of many month ends.
 */
export async function findMilitarisedRoutesOnDays(db: Queryable, params: RouteWindowParams, days: readonly string[]): Promise<Map<string, MilitarisedRoutes>> {
  const distinct = [...new Set(days)];
  const byDay = new Map<string, SegmentRow[]>(distinct.map((day) => [day, []]));
  for (let i = 0; i < distinct.length; i += DAYS_PER_STATEMENT) {
    const { text, values } = routeSegmentsOnDaysSql(params, distinct.slice(i, i + DAYS_PER_STATEMENT));
    for (const row of await db.query<SegmentRow & { day: string }>(text, values)) {
      const rows = byDay.get(row.day);
      if (!rows) throw new Error(`route segments came back for ${row.day}, not a day asked (days are YYYY-MM-DD)`);
      rows.push(row);
    }
  }
  return new Map(distinct.map((day) => [day, collect(byDay.get(day)!, { ...params, date: day })]));
}

/** One day's segment rows, judged under the rules and summed up per route. */
function collect(rows: SegmentRow[], params: RouteParams): MilitarisedRoutes {
  const summaries = new Map<number, RouteSummary>();
  const features = rows.map((row): RouteSegment => {
    const evidence = segmentEvidence(row, params);
    const rules = [...new Set(evidence.map((e) => e.rule))].sort();
    const summary = summaries.get(row.route_id) ?? {
      route_id: row.route_id,
      name: row.route_name,
      illustrative: row.illustrative,
      length_km: round(row.route_length_m / 1000, 2),
      militarised_km: 0,
      militarised_share: 0,
      rules: [],
    };
    if (evidence.length > 0) {
      summary.militarised_km += row.length_m / 1000;
      summary.rules = [...new Set([...summary.rules, ...rules])].sort();
    }
    summaries.set(row.route_id, summary);
    return {
      type: 'Feature',
      id: `${row.route_id}-${row.seq}`,
      geometry: row.geometry,
      properties: {
        route_id: row.route_id,
        route_name: row.route_name,
        illustrative: row.illustrative,
        segment: row.seq,
        segments: row.count,
        length_m: round(row.length_m, 1),
        militarised: evidence.length > 0,
        rules,
        evidence,
      },
    };
  });
  const routes = [...summaries.values()].map((s) => ({
    ...s,
    militarised_km: round(s.militarised_km, 2),
    militarised_share: s.length_km > 0 ? round(s.militarised_km / s.length_km, 4) : 0,
  }));
  return { type: 'FeatureCollection', features, routes };
}
