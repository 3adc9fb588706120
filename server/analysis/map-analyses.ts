import type { Queryable } from '../db/database.js';
import { CONTESTED_DEFAULTS } from './contested/contested-params.js';
import type { ContestedCollection } from './contested/contested-schema.js';
import { findContestedZones } from './contested/find-contested-zones.js';
import { ROUTE_DEFAULTS } from './militarised-routes/route-params.js';
import { findMilitarisedRoutes, findMilitarisedRoutesOnDays } from './militarised-routes/militarised-routes.js';
import type { MilitarisedRoutes } from './militarised-routes/militarised-routes-schema.js';
import { FRESH_DAYS } from './security/security-params.js';
import { findSiteFlags } from './security/site-flags.js';
import type { SiteFlags } from './security/security-schema.js';

/**
 * The analyses the map draws, each with the defaults the map asks for, on one day: what the
 * timeline counts month by month and what the "since the last meeting" digest compares, so
 * that neither can disagree with the map.
 */
export function contestedOn(db: Queryable, date: string, bbox: number[] | undefined): Promise<ContestedCollection> {
  return findContestedZones(db, {
    date,
    minAreaHa: CONTESTED_DEFAULTS.min_area_ha,
    minShare: CONTESTED_DEFAULTS.min_share,
    nearKm: CONTESTED_DEFAULTS.near_km,
    incidentDays: CONTESTED_DEFAULTS.incident_days,
    bbox,
  });
}

const routeDefaults = (bbox: number[] | undefined) => ({
  bufferM: ROUTE_DEFAULTS.buffer_m,
  segmentM: ROUTE_DEFAULTS.segment_m,
  windowDays: ROUTE_DEFAULTS.window_days,
  k: ROUTE_DEFAULTS.k,
  freshDays: ROUTE_DEFAULTS.fresh_days,
  bbox,
});

export function militarisedRoutesOn(db: Queryable, date: string, bbox: number[] | undefined): Promise<MilitarisedRoutes> {
  return findMilitarisedRoutes(db, { date, ...routeDefaults(bbox) });
}

/** militarisedRoutesOn for each of several days, in a few statements rather than one a day. */
export function militarisedRoutesOnDays(db: Queryable, days: readonly string[], bbox: number[] | undefined): Promise<Map<string, MilitarisedRoutes>> {
  return findMilitarisedRoutesOnDays(db, routeDefaults(bbox), days);
}

export function siteFlagsOn(db: Queryable, date: string, bbox: number[] | undefined): Promise<SiteFlags> {
  return findSiteFlags(db, { date, freshDays: FRESH_DAYS, bbox });
}
