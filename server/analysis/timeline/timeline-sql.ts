import { bboxCondition } from '../../db/sql/bbox.js';
import { Params } from '../../db/sql/params.js';
import { validOn } from '../../db/sql/in-force.js';

/** `md5` of the ids a subquery yields, in order: equal sets give equal digests. */
const digest = (ids: string) => `(SELECT md5(coalesce(string_agg(x.k, ',' ORDER BY x.k), '')) FROM (${ids}) x(k))`;

/** How an observation's age reads on the day `day` (as the analyses date it), compared with R11's window. */
const presenceState = (day: string, fresh: string) =>
  `p.id::text || CASE WHEN ${day} - (CASE WHEN p.observed_on <= ${day} THEN p.observed_on ELSE p.valid_from END) > ${fresh} THEN 's' ELSE 'f' END`;

/**
 * For each day, digests of what each analysis reads, so that a month whose inputs equal an
 * earlier month's reuses its count instead of running the analysis again (over ten years most
 * months repeat: nothing is recorded after 2020 in the demo). A digest covers everything its
 * analysis can see, whatever the area asked, so it never wrongly matches:
 * - contested zones count from the claims in force alone (R5; R6 and R7 only grade them);
 * - site flags from the visits up to the day, which of them are within R11's window, and the
 *   presence in force with its staleness;
 * - militarised routes from the routes and roadblocks in force, the presence in force with its
 *   staleness, and the incidents of R9's window.
 */
export function inputDigestsSql(dates: string[], windows: { freshDays: number; routeWindowDays: number }): { text: string; values: unknown[] } {
  const params = new Params();
  // One text parameter: both drivers send a string alike, where their array encodings differ.
  const days = `string_to_array(${params.add(dates.join(','), 'text')}, ',')::date[]`;
  const fresh = params.add(windows.freshDays, 'integer');
  const routeWindow = params.add(windows.routeWindowDays, 'integer');
  const day = 'd.day';
  const claims = digest(`SELECT c.id::text FROM claims c WHERE ${validOn('c', day)} AND c.status <> 'withdrawn'`);
  const presence = digest(`SELECT ${presenceState(day, fresh)} FROM security_presence p WHERE ${validOn('p', day)}`);
  const visits = digest(
    `SELECT v.id::text || CASE WHEN ${day} - v.visited_on > ${fresh} THEN 's' ELSE 'f' END FROM site_visits v WHERE v.visited_on <= ${day} AND v.presence_observed`,
  );
  const ways = digest(`SELECT 'r' || r.id FROM routes r WHERE ${validOn('r', day)} UNION ALL SELECT 'b' || b.id FROM roadblocks b WHERE ${validOn('b', day)}`);
  const incidents = digest(`SELECT i.id::text FROM incidents i WHERE i.occurred_on <= ${day} AND i.occurred_on > ${day} - ${routeWindow}`);
  const text = `SELECT d.day::text AS date, ${claims} AS claims, ${visits} || ${presence} AS sites, ${ways} || ${presence} || ${incidents} AS routes
    FROM unnest(${days}) AS d(day)`;
  return { text, values: params.values };
}

/** Incidents per calendar month from the first day of the first month up to `to`. */
export function incidentsByMonthSql(from: string, to: string, bbox: readonly number[] | undefined): { text: string; values: unknown[] } {
  const params = new Params();
  const first = params.add(from, 'date');
  const last = params.add(to, 'date');
  const inArea = bbox ? ` AND ${bboxCondition('i.geom', bbox, params)}` : '';
  const text = `SELECT to_char(i.occurred_on, 'YYYY-MM') AS month, count(*)::int AS incidents
    FROM incidents i
    WHERE i.occurred_on >= ${first} AND i.occurred_on <= ${last}${inArea}
    GROUP BY 1`;
  return { text, values: params.values };
}
