import type { Feature, FeatureCollection, MultiPolygon } from 'geojson';
import type { Queryable } from '../../db/database.js';
import { Params } from '../../layers/layer-sql.js';
import { isStale } from '../../rules/r11-stale-observation.js';
import { LEVEL_RANK, judgeObservations, overallLevel } from '../../rules/security-actor-rules.js';
import type { SecurityObservation } from '../../rules/security-observation.js';
import type { SecurityParams } from './security-params.js';

interface ZoneRow {
  zone_id: number;
  code: string;
  name: string | null;
  illustrative: boolean;
  geometry: MultiPolygon;
  observations: SecurityObservation[] | null;
}

/**
 * Per ZEA in force: the presence records that name it or lie in it, and the actors of the
 * latest visit of every site inside it, judged by R1–R4 and R11 as for sites.
 */
function zoneFlagsSql(p: SecurityParams): { text: string; values: unknown[] } {
  const params = new Params();
  const date = params.add(p.date, 'date');
  const bbox = p.bbox ? `AND z.geom && ST_MakeEnvelope(${p.bbox.map((v) => params.add(v, 'float8')).join(', ')}, 4326)` : '';
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
         WHERE p.valid_from <= ${date} AND (p.valid_to IS NULL OR p.valid_to >= ${date})
           AND (p.zone_id = z.id OR (p.geom && z.geom AND ST_Intersects(p.geom, z.geom)))
         UNION ALL
         SELECT 'site_visits', l.id, a.actor_type, a.actor_name, a.behaviours, l.visited_on
         FROM sites s JOIN latest l ON l.site_id = s.id JOIN site_visit_actors a ON a.visit_id = l.id
         WHERE s.geom && z.geom AND ST_Intersects(s.geom, z.geom)
      ) o) AS observations
    FROM zones z
    WHERE (z.valid_from IS NULL OR z.valid_from <= ${date}) AND (z.valid_to IS NULL OR z.valid_to >= ${date}) ${bbox}
    ORDER BY z.code`;
  return { text, values: params.values };
}

export async function findZoneFlags(db: Queryable, params: SecurityParams): Promise<FeatureCollection<MultiPolygon>> {
  const { text, values } = zoneFlagsSql(params);
  const rows = await db.query<ZoneRow>(text, values);
  const features = rows.map((row): Feature<MultiPolygon> => {
    const observations = row.observations ?? [];
    const flags = judgeObservations(observations, params.date, params.freshDays);
    const current = observations.some((o) => !isStale(o.observed_on, params.date, params.freshDays));
    const level = observations.length === 0 ? 'none' : overallLevel(flags, current);
    return {
      type: 'Feature',
      id: row.zone_id,
      geometry: row.geometry,
      properties: {
        zone_id: row.zone_id,
        code: row.code,
        name: row.name,
        illustrative: row.illustrative,
        date: params.date,
        level,
        level_rank: LEVEL_RANK[level],
        rules: [...new Set(flags.filter((f) => !f.stale).map((f) => f.rule))].sort(),
        flags,
      },
    };
  });
  return { type: 'FeatureCollection', features };
}
