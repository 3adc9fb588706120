import type { Feature, Point } from 'geojson';
import { validOn } from '../../db/sql/in-force.js';
import { Params } from '../../db/sql/params.js';
import type { LocatedEvidence } from './priority-evidence.js';
import type { PriorityParams } from './priority-params.js';

/**
 * The places the working group can send units to: every ZEA in force, and every mine site
 * observed by the date that lies outside all of them. For each, what it is (activity,
 * qualification), the findings of the other analyses within `near_km`, lawful Mining Police
 * within `radius_km`, and the incidents within `near_km` young enough to still weigh
 * (five half-lives: under 3 % of their first weight).
 */
export function priorityPlacesSql(p: PriorityParams, evidence: LocatedEvidence[]): { text: string; values: unknown[] } {
  const params = new Params();
  const ev = params.add(JSON.stringify(evidence), 'json');
  const date = params.add(p.date, 'date');
  const near = params.add(p.nearKm * 1000, 'float8');
  const radius = params.add(p.radiusKm * 1000, 'float8');
  const horizon = params.add(Math.ceil(p.halfLifeDays * 5), 'integer');
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
    places AS (
      SELECT 'zone' AS kind, z.id, z.code AS label, z.name, z.illustrative, z.geom, z.production_level, z.worker_estimate AS workers, z.qualification
      FROM zones_in_force z
      UNION ALL
      SELECT 'site', s.id, COALESCE(s.pcode, 'site-' || s.id), s.name, s.illustrative, s.geom, NULL, v.workers, q.qualification
      FROM sites s JOIN visits v ON v.site_id = s.id LEFT JOIN qualified q ON q.site_id = s.id
      WHERE s.geom IS NOT NULL AND NOT EXISTS (SELECT 1 FROM zones_in_force z WHERE z.geom && s.geom AND ST_Intersects(z.geom, s.geom))
    )
    SELECT pl.kind, pl.id, pl.label, pl.name, pl.illustrative, pl.production_level, pl.workers, pl.qualification,
      ST_AsGeoJSON(ST_ForcePolygonCCW(pl.geom), 7)::json AS geometry,
      ST_AsGeoJSON(ST_PointOnSurface(pl.geom), 7)::json AS anchor,
      (SELECT json_agg(json_build_object('kind', ev.kind, 'layer', ev.layer, 'id', ev.id, 'weight', ev.weight, 'why', ev.why) ORDER BY ev.kind, ev.id)
       FROM ev WHERE ev.kind <> 'pmh_coverage' AND ST_DWithin(ev.geom::geography, pl.geom::geography, ${near})) AS nearby,
      (SELECT json_agg(json_build_object('kind', ev.kind, 'layer', ev.layer, 'id', ev.id, 'weight', ev.weight, 'why', ev.why) ORDER BY ev.id)
       FROM ev WHERE ev.kind = 'pmh_coverage' AND ST_DWithin(ev.geom::geography, pl.geom::geography, ${radius})) AS coverage,
      (SELECT json_agg(json_build_object('id', i.id, 'category', i.category, 'occurred_on', i.occurred_on, 'age_days', ${date} - i.occurred_on) ORDER BY i.occurred_on DESC)
       FROM incidents i
       WHERE i.occurred_on <= ${date} AND i.occurred_on > ${date} - ${horizon}
         AND ST_DWithin(i.geom::geography, pl.geom::geography, ${near})) AS incidents
    FROM places pl
    ORDER BY pl.kind DESC, pl.label`;
  return { text, values: params.values };
}

/** For each candidate anchor, the keys of the places (by their geometry) within `radiusKm` of it: one row per anchor that covers any. */
export function coverageSql(anchors: { key: string; anchor: Point }[], places: Feature[], radiusKm: number): { text: string; values: unknown[] } {
  const params = new Params();
  const candidates = params.add(JSON.stringify(anchors.map((p) => ({ key: p.key, geometry: p.anchor }))), 'json');
  const areas = params.add(JSON.stringify(places.map((f) => ({ key: f.id, geometry: f.geometry }))), 'json');
  const radius = params.add(radiusKm * 1000, 'float8');
  const text = `WITH c AS (SELECT e->>'key' AS key, ST_SetSRID(ST_GeomFromGeoJSON(e->>'geometry'), 4326) AS geom FROM json_array_elements(${candidates}) e),
          a AS (SELECT e->>'key' AS key, ST_SetSRID(ST_GeomFromGeoJSON(e->>'geometry'), 4326) AS geom FROM json_array_elements(${areas}) e)
     SELECT c.key AS candidate, array_agg(a.key ORDER BY a.key) AS covers
     FROM c JOIN a ON ST_DWithin(c.geom::geography, a.geom::geography, ${radius})
     GROUP BY c.key`;
  return { text, values: params.values };
}
