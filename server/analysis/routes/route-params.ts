import { Type, type Static } from 'typebox';
import { DATE } from '../../layers/layer-definition.js';
import { FRESH_DAYS } from '../security/security-params.js';

/**
 * Defaults: roadblocks and checkpoints stand on the road itself, but their recorded points
 * can be a few hundred metres off, so 500 m; segments of 1 km are fine enough to show
 * which stretch of a 20–60 km track is held; R9 asks for two predatory incidents in 90 days,
 * so that one isolated report does not militarise a road but a pattern does.
 */
export const ROUTE_DEFAULTS = { buffer_m: 500, segment_m: 1000, window_days: 90, k: 2, fresh_days: FRESH_DAYS } as const;

export const routesQuerySchema = Type.Object(
  {
    date: Type.Optional({ ...DATE, description: 'as-of date (default today)' }),
    buffer_m: Type.Number({ minimum: 0, maximum: 20_000, default: ROUTE_DEFAULTS.buffer_m, description: 'evidence within this distance of a segment counts, metres' }),
    segment_m: Type.Number({ minimum: 100, maximum: 50_000, default: ROUTE_DEFAULTS.segment_m, description: 'length of the segments routes are cut into, metres' }),
    window_days: Type.Integer({ minimum: 1, maximum: 3650, default: ROUTE_DEFAULTS.window_days, description: 'incidents up to this many days before `date` count for R9' }),
    k: Type.Integer({ minimum: 1, maximum: 100, default: ROUTE_DEFAULTS.k, description: 'R9 fires on a segment with at least k predatory incidents in the window' }),
    fresh_days: Type.Integer({ minimum: 0, maximum: 36_500, default: ROUTE_DEFAULTS.fresh_days, description: 'presence observed longer ago than this is stale and does not count (R11)' }),
    bbox: Type.Optional(Type.String({ pattern: '^-?\\d+(\\.\\d+)?(,-?\\d+(\\.\\d+)?){3}$', description: 'minLon,minLat,maxLon,maxLat (WGS84)' })),
  },
  { additionalProperties: false },
);
export type RoutesQuery = Static<typeof routesQuerySchema>;

export interface RouteParams {
  date: string;
  bufferM: number;
  segmentM: number;
  windowDays: number;
  k: number;
  freshDays: number;
  bbox?: number[];
}
