import type { Profile } from './profiles.js';

/**
 * docs/domain.md, sharing rule 2: incidents that could identify a victim or a witness (torture,
 * sexual violence, abduction, killing) leave partner and public profiles as points snapped
 * to a coarse grid, dated to the month, with small counts suppressed; the public profile
 * treats every incident so. All of it happens in SQL, so the exact point and day never
 * reach the application, and filters (bbox, dates) run on the coarse values: a caller
 * cannot home in on the exact place by narrowing a bbox.
 */
export const SENSITIVE_CATEGORIES = ['torture', 'sexual_violence', 'abduction', 'killing'] as const;

/** Grid cell in degrees: about 5.5 km for partners, 11 km for the public, at the equator. */
export const GRID_DEGREES: Partial<Record<Profile, number>> = { partner: 0.05, public: 0.1 };

/** Counts under this are published as null, with `small_counts_suppressed` set. */
export const SMALL_COUNT = 5;

/**
 * The linked-record rule: an incident that is not sensitive itself is coarsened too when a
 * sensitive one lies within a grid cell's width of its true place and this many days of its
 * true date. Otherwise an exact arrest two days before "two of the detainees ill-treated", at
 * the same spot, would give away the place and day that the grid and the month withhold.
 */
export const LINK_DAYS = 31;

const SENSITIVE_LIST = SENSITIVE_CATEGORIES.map((c) => `'${c}'`).join(', ');

/**
 * SQL: is this incident row (alias t) coarsened for the profile? For partners it reads `lk`,
 * the linked incidents that publishedSourceSql joins in (linkedIncidentsSql).
 */
export function coarsenedSql(profile: Profile): string | undefined {
  if (profile === 'public') return 'true';
  if (profile === 'partner') return `(t.category IN (${SENSITIVE_LIST}) OR lk.id IS NOT NULL)`;
  return undefined;
}

/**
 * SQL: the ids of the incidents that the linked-record rule coarsens for the profile, from
 * each sensitive incident to its neighbours through the spatial index; none where every
 * incident is coarsened anyway (public) or none is (internal, working group).
 */
export function linkedIncidentsSql(profile: Profile): string | undefined {
  if (profile !== 'partner') return undefined;
  const size = GRID_DEGREES[profile]!;
  // \`n.occurred_on + 0\`: the date test must not use the date index. With it the planner ANDs a
  // month of the whole layer into every spatial probe (1.3 s for 100 000 incidents on the server,
  // 0.4 s through the spatial index alone).
  return `SELECT DISTINCT n.id
            FROM incidents s
            JOIN incidents n ON ST_DWithin(n.geom, s.geom, ${size})
                            AND n.occurred_on + 0 BETWEEN s.occurred_on - ${LINK_DAYS} AND s.occurred_on + ${LINK_DAYS}
           WHERE s.category IN (${SENSITIVE_LIST}) AND n.category NOT IN (${SENSITIVE_LIST})`;
}

/** The centre of the grid cell (of `size` degrees) that row t's point falls in. */
function gridCentreSql(size: number): string {
  const centre = (axis: 'X' | 'Y') => `(floor(ST_${axis}(t.geom) / ${size}) * ${size} + ${size / 2})`;
  return `ST_SetSRID(ST_MakePoint(${centre('X')}, ${centre('Y')}), 4326)`;
}

/** Row t's day, as the first of its month. */
const MONTH_SQL = `date_trunc('month', t.occurred_on)::date`;

/**
 * The linked-record rule for one incident row (alias t) at a time, as a lateral subquery giving
 * `id` when t is linked: the same rule as linkedIncidentsSql, probed from each row through the
 * spatial index. A tile holds at most a few thousand rows, where working the rule out over the
 * whole layer took 3–5 s for each tile of 100 000 incidents.
 */
export function linkedIncidentLateralSql(profile: Profile): string | undefined {
  if (profile !== 'partner') return undefined;
  const size = GRID_DEGREES[profile]!;
  return `SELECT t.id
           WHERE t.category NOT IN (${SENSITIVE_LIST})
             AND EXISTS (SELECT 1 FROM incidents s
                          WHERE s.category IN (${SENSITIVE_LIST}) AND ST_DWithin(s.geom, t.geom, ${size})
                            AND t.occurred_on BETWEEN s.occurred_on - ${LINK_DAYS} AND s.occurred_on + ${LINK_DAYS})`;
}

/**
 * Every incident as if coarsened (the grid cell's centre, the month): for counts by cell, which
 * then need neither the linked-record rule nor anything finer than a coarsened record would show.
 */
export function everyIncidentCoarseSql(profile: Profile): { geometry: string; date: string } | undefined {
  const size = GRID_DEGREES[profile];
  if (!size) return undefined;
  return { geometry: gridCentreSql(size), date: MONTH_SQL };
}

/** The centre of the grid cell the point falls in: the exact point is never the published one. */
export function coarseGeometrySql(profile: Profile): string | undefined {
  const coarse = coarsenedSql(profile);
  const size = GRID_DEGREES[profile];
  if (!coarse || !size) return undefined;
  return `CASE WHEN ${coarse} THEN ${gridCentreSql(size)} ELSE t.geom END`;
}

export function coarseDateSql(profile: Profile): string | undefined {
  const coarse = coarsenedSql(profile);
  return coarse ? `CASE WHEN ${coarse} THEN ${MONTH_SQL} ELSE t.occurred_on END` : undefined;
}

/** Field values as published: SQL per field, for the fields coarsening changes. */
export function coarseIncidentFields(profile: Profile): Record<string, string> {
  const coarse = coarsenedSql(profile);
  if (!coarse) return {};
  const suppressed = (c: string) => `CASE WHEN t.${c} > 0 AND t.${c} < ${SMALL_COUNT} THEN NULL ELSE t.${c} END`;
  return {
    occurred_on: coarseDateSql(profile)!,
    time_precision: `CASE WHEN ${coarse} THEN 3 ELSE t.time_precision END`,
    geo_precision: `CASE WHEN ${coarse} THEN 3 ELSE t.geo_precision END`,
    // A zone or a road is often far smaller than a grid cell: naming it would undo the grid.
    zone_id: `CASE WHEN ${coarse} THEN NULL ELSE t.zone_id END`,
    route_id: `CASE WHEN ${coarse} THEN NULL ELSE t.route_id END`,
    site_id: `CASE WHEN ${coarse} THEN NULL ELSE t.site_id END`,
    victims: suppressed('victims'),
    killed: suppressed('killed'),
    injured: suppressed('injured'),
  };
}

/** Extra properties that say what was done to the record, so no one mistakes it for exact. */
export function coarseningNoteFields(profile: Profile): Record<string, string> {
  const coarse = coarsenedSql(profile);
  if (!coarse) return {};
  const size = GRID_DEGREES[profile]!;
  return {
    location_precision: `CASE WHEN ${coarse} THEN 'grid cell of ${size}° (about ${Math.round(size * 111)} km): not the place' ELSE 'as recorded' END`,
    small_counts_suppressed: `COALESCE((t.victims > 0 AND t.victims < ${SMALL_COUNT}) OR (t.killed > 0 AND t.killed < ${SMALL_COUNT}) OR (t.injured > 0 AND t.injured < ${SMALL_COUNT}), false)`,
  };
}
