import { bboxCondition } from '../../db/sql/bbox.js';
import { validOn } from '../../db/sql/in-force.js';
import { Params } from '../../db/sql/params.js';
import type { SecurityParams } from './security-params.js';

/**
 * Per site: its latest field visit on or before the date (status-only rows such as a
 * qualification record say nothing about who was there and are skipped), the actors that
 * visit saw, and the security-presence records in force that name the site or cover it. The
 * two ways in are looked up apart, each by its own index: an OR across them read every
 * presence record for every site.
 */
export function siteFlagsSql(p: SecurityParams): { text: string; values: unknown[] } {
  const params = new Params();
  const date = params.add(p.date, 'date');
  const bbox = p.bbox ? `AND ${bboxCondition('s.geom', p.bbox, params)}` : '';
  const text = `
    WITH latest AS (
      SELECT DISTINCT ON (v.site_id) v.id, v.site_id, v.visited_on
      FROM site_visits v
      WHERE v.visited_on <= ${date} AND v.presence_observed
      ORDER BY v.site_id, v.visited_on DESC, v.id DESC
    )
    SELECT s.id AS site_id, s.name, s.pcode, s.illustrative, ST_AsGeoJSON(s.geom, 7)::json AS geometry,
      l.id AS visit_id, l.visited_on::text AS visited_on,
      (SELECT json_agg(json_build_object('layer', 'site_visits', 'id', l.id, 'actor_type', a.actor_type, 'actor_name', a.actor_name,
                 'behaviours', a.behaviours, 'observed_on', l.visited_on) ORDER BY a.position)
       FROM site_visit_actors a WHERE a.visit_id = l.id) AS visit_actors,
      (SELECT json_agg(json_build_object('layer', 'presence', 'id', p.id, 'actor_type', p.actor_type, 'actor_name', p.actor_name,
                 'behaviours', p.behaviours, 'observed_on', CASE WHEN p.observed_on <= ${date} THEN p.observed_on ELSE p.valid_from END) ORDER BY p.id)
       FROM security_presence p
       WHERE ${validOn('p', date)}
         AND p.id IN (SELECT q.id FROM security_presence q WHERE q.site_id = s.id
                      UNION
                      SELECT q.id FROM security_presence q WHERE q.geom && s.geom AND ST_Intersects(q.geom, s.geom))) AS presence
    FROM sites s
    LEFT JOIN latest l ON l.site_id = s.id
    WHERE s.geom IS NOT NULL ${bbox}
    ORDER BY s.id`;
  return { text, values: params.values };
}
