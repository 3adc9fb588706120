import type { Geometry } from 'geojson';
import type { Queryable } from '../../db/database.js';
import { CONTESTED_DEFAULTS } from '../contested/contested-params.js';
import { findContestedZones } from '../contested/find-contested-zones.js';
import { ROUTE_DEFAULTS } from '../militarised-routes/route-params.js';
import { findMilitarisedRoutes } from '../militarised-routes/militarised-routes.js';
import { PERMIT_OVERLAP_DEFAULTS } from '../permit-overlaps/permit-overlaps-params.js';
import { findPermitOverlaps } from '../permit-overlaps/permit-overlaps.js';
import { findSiteFlags } from '../security/site-flags.js';
import { judgeObservations } from '../../rules/security-actor-rules.js';
import type { SecurityObservation } from '../../rules/security-observation.js';
import type { PriorityParams } from './priority-params.js';
import { presenceEvidenceSql } from './priority-evidence-sql.js';

/** A located finding of another analysis, to be attributed to the places near it. */
export interface LocatedEvidence {
  kind: 'contested' | 'illegal_presence' | 'militarised_routes' | 'industrial_overlap' | 'pmh_coverage';
  layer: string;
  id: number | string;
  geometry: Geometry;
  /** How much it counts: 2 for an R6 zone, the number of flags, the km of a segment. */
  weight: number;
  why: string;
}

/**
 * The priorities stand on the other analyses rather than re-deriving their rules: contested
 * zones (R5–R7), site flags and presence judged by R1–R4 and R11, militarised segments
 * (R8, R9), claims and ZEAs on industrial titles (R12). Each finding keeps its geometry so
 * the SQL can attribute it to nearby places.
 */
export async function gatherEvidence(db: Queryable, p: PriorityParams): Promise<LocatedEvidence[]> {
  const evidence: LocatedEvidence[] = [];

  const contested = await findContestedZones(db, {
    date: p.date,
    minAreaHa: CONTESTED_DEFAULTS.min_area_ha,
    minShare: CONTESTED_DEFAULTS.min_share,
    nearKm: CONTESTED_DEFAULTS.near_km,
    incidentDays: CONTESTED_DEFAULTS.incident_days,
  });
  for (const zone of contested.features) {
    const rules = zone.properties.rules as string[];
    evidence.push({
      kind: 'contested',
      layer: 'contested_zones',
      id: zone.id,
      geometry: zone.geometry,
      weight: rules.includes('R6') ? 2 : 1,
      why: `${rules.join('+')}: ${zone.properties.severity_reason}`,
    });
  }

  // Site visits through the site flags; presence records judged here once, so that a record
  // linked to a site is not counted twice.
  const sites = await findSiteFlags(db, { date: p.date, freshDays: p.freshDays });
  for (const site of sites.features) {
    const flags = (site.properties.flags as ReturnType<typeof judgeObservations>).filter((f) => !f.stale && f.evidence.layer === 'site_visits');
    const illegal = flags.filter((f) => f.rule !== 'R4');
    if (illegal.length > 0) {
      evidence.push({
        kind: 'illegal_presence',
        layer: 'sites',
        id: site.id,
        geometry: site.geometry,
        weight: illegal.length,
        why: illegal.map((f) => `${f.rule}: ${f.reason}`).join('; '),
      });
    }
    const pmh = flags.find((f) => f.rule === 'R4' && f.level === 'info');
    if (pmh) evidence.push({ kind: 'pmh_coverage', layer: 'sites', id: site.id, geometry: site.geometry, weight: 1, why: pmh.reason });
  }
  const presenceSql = presenceEvidenceSql(p.date);
  const presence = await db.query<SecurityObservation & { geometry: Geometry }>(presenceSql.text, presenceSql.values);
  for (const record of presence) {
    const flags = judgeObservations([record], p.date, p.freshDays).filter((f) => !f.stale);
    const illegal = flags.filter((f) => f.rule !== 'R4');
    if (illegal.length > 0)
      evidence.push({
        kind: 'illegal_presence',
        layer: 'presence',
        id: record.id,
        geometry: record.geometry,
        weight: illegal.length,
        why: illegal.map((f) => `${f.rule}: ${f.reason}`).join('; '),
      });
    else if (flags.some((f) => f.rule === 'R4' && f.level === 'info'))
      evidence.push({ kind: 'pmh_coverage', layer: 'presence', id: record.id, geometry: record.geometry, weight: 1, why: flags[0]!.reason });
  }

  const routes = await findMilitarisedRoutes(db, {
    date: p.date,
    bufferM: ROUTE_DEFAULTS.buffer_m,
    segmentM: ROUTE_DEFAULTS.segment_m,
    windowDays: ROUTE_DEFAULTS.window_days,
    k: ROUTE_DEFAULTS.k,
    freshDays: p.freshDays,
  });
  for (const segment of routes.features.filter((f) => f.properties.militarised)) {
    const props = segment.properties;
    evidence.push({
      kind: 'militarised_routes',
      layer: 'route_segments',
      id: segment.id,
      geometry: segment.geometry,
      weight: props.length_m / 1000,
      why: `${props.route_name}, segment ${props.segment}: ${(props.rules as string[]).join('+')}`,
    });
  }

  // R12: the ground a claim or ZEA shares with industrial titles, its reason naming holders and hectares.
  const onTitles = await findPermitOverlaps(db, { date: p.date, minAreaHa: PERMIT_OVERLAP_DEFAULTS.min_area_ha });
  for (const overlap of onTitles.features) {
    evidence.push({
      kind: 'industrial_overlap',
      layer: 'permit_overlaps',
      id: overlap.id,
      geometry: overlap.geometry,
      weight: 1,
      why: overlap.properties.rule_hits.map((h) => `${h.rule}: ${h.reason}`).join('; '),
    });
  }
  return evidence;
}
