import type { Point } from 'geojson';
import { validOn } from '../../db/sql/in-force.js';
import { Params } from '../../db/sql/params.js';
import { expandedBox, withinMetres } from '../../db/sql/within-distance.js';
import type { LocatedEvidence } from './priority-evidence.js';
import { areaConditions, zoneAreaJoin } from './priority-area-sql.js';
import type { AreaFilter } from './priority-area.js';
import type { PriorityParams } from './priority-params.js';

const NO_AREA: AreaFilter = { provinces: null, territories: null, bbox: null };

/**
 * The places the working group can send units to: every ZEA in force, and every mine site
 * observed by the date that lies outside all of them, in the area asked (priority-area.ts). For each, what it is (activity,
 * qualification), the findings of the other analyses within `near_km`, lawful Mining Police
 * within `radius_km`, and the incidents within `near_km` young enough to still weigh
 * (five half-lives: under 3 % of their first weight). The places are MATERIALIZED with their
 * boxes grown by `near_km` and `radius_km`: the findings arrive as JSON, with no index, so each
 * place tests every finding, and inlined the boxes were built again for each test (3.0 s of
 * the 3.5 s of this statement at province scale, 0.8 s after).
 */
export function priorityPlacesSql(p: PriorityParams, evidence: LocatedEvidence[], area: AreaFilter = NO_AREA): { text: string; values: unknown[] } {
  const params = new Params();
  const ev = params.add(JSON.stringify(evidence), 'json');
  const date = params.add(p.date, 'date');
  const near = params.add(p.nearKm * 1000, 'float8');
  const radius = params.add(p.radiusKm * 1000, 'float8');
  const horizon = params.add(Math.ceil(p.halfLifeDays * 5), 'integer');
  const inArea = (place: { province: string; territory: string; geom: string }) =>
    areaConditions(area, place, params)
      .map((c) => ` AND ${c}`)
      .join('');
  const zoneArea = zoneAreaJoin('z', params);
  const zoneInArea = inArea({ province: 'z_area.province', territory: 'z_area.territory', geom: 'z.geom' });
  const siteInArea = inArea({ province: 's.province', territory: 's.territory', geom: 's.geom' });
  const text = `
    WITH ev AS (
      SELECT e->>'kind' AS kind, e->>'layer' AS layer, e->>'id' AS id, (e->>'weight')::float8 AS weight, e->>'why' AS why,
             ST_SetSRID(ST_GeomFromGeoJSON(e->>'geometry'), 4326) AS geom
      FROM json_array_elements(${ev}) e
    ),
    zones_in_force AS (
      SELECT * FROM zones z WHERE ${validOn('z', date)}
    ),
    visits AS (
      SELECT DISTINCT ON (v.site_id) v.site_id, v.visited_on, v.workers
      FROM site_visits v WHERE v.visited_on <= ${date} AND v.presence_observed
      ORDER BY v.site_id, v.visited_on DESC, v.id DESC
    ),
    qualified AS (
      SELECT DISTINCT ON (v.site_id) v.site_id, v.qualification
      FROM site_visits v WHERE v.visited_on <= ${date} AND v.qualification IS NOT NULL
      ORDER BY v.site_id, v.visited_on DESC, v.id DESC
    ),
    places AS MATERIALIZED (
      SELECT p.*, ${expandedBox('p.geom', near)} AS near_box, ${expandedBox('p.geom', radius)} AS radius_box
      FROM (
        SELECT 'zone' AS kind, z.id, z.code AS label, z.name, z.illustrative, z.geom, z.production_level, z.worker_estimate AS workers, z.qualification
        FROM zones_in_force z ${zoneArea}
        WHERE true${zoneInArea}
        UNION ALL
        SELECT 'site', s.id, COALESCE(s.pcode, 'site-' || s.id), s.name, s.illustrative, s.geom, NULL, v.workers, q.qualification
        FROM sites s JOIN visits v ON v.site_id = s.id LEFT JOIN qualified q ON q.site_id = s.id
        WHERE s.geom IS NOT NULL AND NOT EXISTS (SELECT 1 FROM zones_in_force z WHERE z.geom && s.geom AND ST_Intersects(z.geom, s.geom))${siteInArea}
      ) p
    )
    SELECT pl.kind, pl.id, pl.label, pl.name, pl.illustrative, pl.production_level, pl.workers, pl.qualification,
      ST_AsGeoJSON(ST_ForcePolygonCCW(pl.geom), 7)::json AS geometry,
      ST_AsGeoJSON(ST_PointOnSurface(pl.geom), 7)::json AS anchor,
      (SELECT json_agg(json_build_object('kind', ev.kind, 'layer', ev.layer, 'id', ev.id, 'weight', ev.weight, 'why', ev.why) ORDER BY ev.kind, ev.id)
       FROM ev WHERE ev.kind <> 'pmh_coverage' AND ${withinMetres('ev.geom', 'pl.geom', near, 'pl.near_box')}) AS nearby,
      (SELECT json_agg(json_build_object('kind', ev.kind, 'layer', ev.layer, 'id', ev.id, 'weight', ev.weight, 'why', ev.why) ORDER BY ev.id)
       FROM ev WHERE ev.kind = 'pmh_coverage' AND ${withinMetres('ev.geom', 'pl.geom', radius, 'pl.radius_box')}) AS coverage,
      (SELECT json_agg(json_build_object('id', i.id, 'category', i.category, 'occurred_on', i.occurred_on, 'age_days', ${date} - i.occurred_on) ORDER BY i.occurred_on DESC)
       FROM incidents i
       WHERE i.occurred_on <= ${date} AND i.occurred_on > ${date} - ${horizon}
         AND ${withinMetres('i.geom', 'pl.geom', near, 'pl.near_box')}) AS incidents
    FROM places pl
    ORDER BY pl.kind DESC, pl.label`;
  return { text, values: params.values };
}

/**
 * For each candidate anchor, the keys of the places within `radiusKm` of it: one row per anchor
 * that covers any. The places are looked up in their own tables, through the GiST indexes, and
 * kept if they are among the ranked places: matching every anchor against every place sent as
 * JSON took 47 s with the IPIS sites of eastern DRC (issue 12).
 */
export function coverageSql(places: { key: string; anchor: Point }[], radiusKm: number): { text: string; values: unknown[] } {
  const params = new Params();
  const ranked = params.add(JSON.stringify(places.map((p) => ({ key: p.key, anchor: p.anchor }))), 'json');
  const radius = params.add(radiusKm * 1000, 'float8');
  const text = `WITH ranked AS (SELECT e->>'key' AS key, ST_SetSRID(ST_GeomFromGeoJSON(e->>'anchor'), 4326) AS anchor FROM json_array_elements(${ranked}) e)
     SELECT c.key AS candidate, array_agg(a.key ORDER BY a.key) AS covers
     FROM ranked c
     CROSS JOIN LATERAL (
       SELECT 'zone-' || z.id AS key FROM zones z WHERE ${withinMetres('z.geom', 'c.anchor', radius)}
       UNION ALL
       SELECT 'site-' || s.id FROM sites s WHERE ${withinMetres('s.geom', 'c.anchor', radius)}
     ) a
     WHERE a.key IN (SELECT key FROM ranked)
     GROUP BY c.key`;
  return { text, values: params.values };
}
