import { Type, type Static } from 'typebox';
import { bboxParam } from '../../http/bbox-param.js';
import { DATE } from '../../http/date-param.js';

/**
 * Defaults chosen so that digitising noise is not a dispute: two claims drawn along the same
 * river or ridge overlap by a thin sliver, well under a hectare and a small fraction of
 * either claim. An artisanal pit cluster covers a few hectares, so 1 ha still catches the
 * smallest real fight over ground.
 */
export const CONTESTED_DEFAULTS = {
  /** Smallest overlap reported, hectares. */
  min_area_ha: 1,
  /** Smallest share of some claimant's claim that the overlap must take (0–1). */
  min_share: 0.01,
  /** Distance from the overlap within which security presence and incidents count, km. */
  near_km: 5,
  /** How far back incidents near the overlap are listed, days before `date`. */
  incident_days: 365,
} as const;

/**
 * The range that bounds one request's cost (issue 12): the overlay of the claims costs what it
 * costs (4–5 s on the server over 10 000 generated claims; a bbox narrows it), and near_km
 * multiplies what is listed around each zone: on the server, 288 zones over 100 000 incidents
 * answered 5 MB in 5 s at 10 km and ten years, 313 MB in 41 s at the old 100 km. 10 km is a morning's walk, the farthest a
 * security force or an incident is still part of the dispute (the priorities' unit reach too).
 */
export const CONTESTED_LIMITS = { max_near_km: 10, max_incident_days: 3650 } as const;

export const contestedQuerySchema = Type.Object(
  {
    date: Type.Optional({ ...DATE, description: 'as-of date (default today): claims, presence and zones in force that day' }),
    min_area_ha: Type.Number({ minimum: 0, maximum: 1_000_000, default: CONTESTED_DEFAULTS.min_area_ha, description: 'smallest overlap reported, hectares' }),
    min_share: Type.Number({
      minimum: 0,
      maximum: 1,
      default: CONTESTED_DEFAULTS.min_share,
      description: 'smallest share (0–1) of the most affected claim that the overlap must take',
    }),
    near_km: Type.Number({
      minimum: 0,
      maximum: CONTESTED_LIMITS.max_near_km,
      default: CONTESTED_DEFAULTS.near_km,
      description: `security presence and incidents within this distance of the overlap are linked to it (R6); at most ${CONTESTED_LIMITS.max_near_km}, a morning's walk: what lies further is not part of the dispute, and each zone lists all of it`,
    }),
    incident_days: Type.Integer({
      minimum: 0,
      maximum: CONTESTED_LIMITS.max_incident_days,
      default: CONTESTED_DEFAULTS.incident_days,
      description: `incidents up to this many days before \`date\` are listed; at most ${CONTESTED_LIMITS.max_incident_days}, a dispute's decade`,
    }),
    bbox: bboxParam('minLon,minLat,maxLon,maxLat (WGS84): claims touching it'),
  },
  { additionalProperties: false },
);

export type ContestedQuery = Static<typeof contestedQuerySchema>;

export interface ContestedParams {
  date: string;
  minAreaHa: number;
  minShare: number;
  nearKm: number;
  incidentDays: number;
  bbox?: number[];
}
