import { bboxCondition } from '../../db/sql/bbox.js';
import { validOn } from '../../db/sql/in-force.js';
import { Params } from '../../db/sql/params.js';
import type { SecurityParams } from './security-params.js';

/**
 * Per ZEA in force: the presence records that name it or lie in it, and the actors of the
 * latest visit of every site inside it, judged by R1–R4 and R11 as for sites.
 */
export function zoneFlagsSql(p: SecurityParams): { text: string; values: unknown[] } {
  const params = new Params();
  const date = params.add(p.date, 'date');
  const bbox = p.bbox ? `AND ${bboxCondition('z.geom', p.bbox, params)}` : '';
  const text = `
    WITH latest AS (
      SELECT DISTINCT ON (v.site_id) v.id, v.site_id, v.visited_on
      FROM site_visits v WHERE v.visited_on <= ${date} AND v.presence_observed
      ORDER BY v.site_id, v.visited_on DESC, v.id DESC
    )
    SELECT z.id AS zone_id, z.code, z.name, z.illustrative, ST_AsGeoJSON(ST_ForcePolygonCCW(z.geom), 7)::json AS geometry,
      (SELECT json_agg(o ORDER BY o.observed_on DESC) FROM (
         SELECT 'presence' AS layer, p.id, p.actor_type, p.actor_name, p.behaviours, CASE WHEN p.observed_on <= ${date} THEN p.observed_on ELSE p.valid_from END AS observed_on
         FROM security_presence p
         WHERE ${validOn('p', date)}
           AND (p.zone_id = z.id OR (p.geom && z.geom AND ST_Intersects(p.geom, z.geom)))
         UNION ALL
         SELECT 'site_visits', l.id, a.actor_type, a.actor_name, a.behaviours, l.visited_on
         FROM sites s JOIN latest l ON l.site_id = s.id JOIN site_visit_actors a ON a.visit_id = l.id
         WHERE s.geom && z.geom AND ST_Intersects(s.geom, z.geom)
      ) o) AS observations
    FROM zones z
    WHERE ${validOn('z', date)} ${bbox}
    ORDER BY z.code`;
  return { text, values: params.values };
}
