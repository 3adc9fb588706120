import { Type, type Static } from 'typebox';
import { DATE } from '../../layers/layer-definition.js';

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

export const contestedQuerySchema = Type.Object(
  {
    date: Type.Optional({ ...DATE, description: 'as-of date (default today): claims, presence and zones in force that day' }),
    min_area_ha: Type.Number({ minimum: 0, maximum: 1_000_000, default: CONTESTED_DEFAULTS.min_area_ha, description: 'smallest overlap reported, hectares' }),
    min_share: Type.Number({ minimum: 0, maximum: 1, default: CONTESTED_DEFAULTS.min_share, description: 'smallest share (0–1) of the most affected claim that the overlap must take' }),
    near_km: Type.Number({ minimum: 0, maximum: 100, default: CONTESTED_DEFAULTS.near_km, description: 'security presence and incidents within this distance of the overlap are linked to it (R6)' }),
    incident_days: Type.Integer({ minimum: 0, maximum: 3650, default: CONTESTED_DEFAULTS.incident_days, description: 'incidents up to this many days before `date` are listed' }),
    bbox: Type.Optional(Type.String({ pattern: '^-?\\d+(\\.\\d+)?(,-?\\d+(\\.\\d+)?){3}$', description: 'minLon,minLat,maxLon,maxLat (WGS84): claims touching it' })),
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
