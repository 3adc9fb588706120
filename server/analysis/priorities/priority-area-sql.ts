import { bboxCondition } from '../../db/sql/bbox.js';
import { Params } from '../../db/sql/params.js';
import { withinMetres } from '../../db/sql/within-distance.js';
import { ZONE_AREA_REACH_KM, type AreaFilter } from './priority-area.js';

/**
 * A ZEA's province and territory (columns `province`, `territory` of the alias `<zone>_area`):
 * its own, else those of the nearest mine site that has a province, inside the ZEA or within
 * ZONE_AREA_REACH_KM of it (priority-area.ts says why).
 */
export function zoneAreaJoin(zone: string, params: Params): string {
  const reach = params.add(ZONE_AREA_REACH_KM * 1000, 'float8');
  return `LEFT JOIN LATERAL (
      SELECT COALESCE(${zone}.province, near_site.province) AS province,
             CASE WHEN ${zone}.province IS NULL THEN near_site.territory ELSE COALESCE(${zone}.territory, near_site.territory) END AS territory
      FROM (SELECT 1) one
      LEFT JOIN LATERAL (
        SELECT s.province, s.territory FROM sites s
        WHERE (${zone}.province IS NULL OR ${zone}.territory IS NULL) AND s.province IS NOT NULL AND ${withinMetres('s.geom', `${zone}.geom`, reach)}
        ORDER BY ST_Distance(s.geom, ${zone}.geom), s.id
        LIMIT 1
      ) near_site ON true
    ) ${zone}_area ON true`;
}

/** Every (province, territory) pair the sites and ZEAs carry, as spelt in the data, with how many places carry it. */
export function areaRowsSql(): { text: string; values: unknown[] } {
  const params = new Params();
  const text = `SELECT province, territory, count(*)::int AS places FROM (
       SELECT s.province, s.territory FROM sites s
       UNION ALL
       SELECT z_area.province, z_area.territory FROM zones z ${zoneAreaJoin('z', params)}
     ) a
     GROUP BY province, territory
     ORDER BY province NULLS LAST, territory NULLS LAST`;
  return { text, values: params.values };
}

/** The conditions that keep a place in the area: its province and territory among the spellings asked, its geometry in the box. */
export function areaConditions(filter: AreaFilter, place: { province: string; territory: string; geom: string }, params: Params): string[] {
  const conditions: string[] = [];
  if (filter.provinces !== null) conditions.push(`${place.province} = ANY(${params.add(filter.provinces, 'text[]')})`);
  if (filter.territories !== null) conditions.push(`${place.territory} = ANY(${params.add(filter.territories, 'text[]')})`);
  if (filter.bbox !== null) conditions.push(bboxCondition(place.geom, filter.bbox, params));
  return conditions;
}
