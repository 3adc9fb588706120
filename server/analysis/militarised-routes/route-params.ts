import { Type, type Static } from 'typebox';
import { bboxParam } from '../../http/bbox-param.js';
import { DATE } from '../../http/date-param.js';
import { FRESH_DAYS } from '../security/security-params.js';

/**
 * Defaults: roadblocks and checkpoints stand on the road itself, but their recorded points
 * can be a few hundred metres off, so 500 m; segments of 1 km are fine enough to show
 * which stretch of a 20–60 km track is held; R9 asks for two predatory incidents in 90 days,
 * so that one isolated report does not militarise a road but a pattern does.
 */
export const ROUTE_DEFAULTS = { buffer_m: 500, segment_m: 1000, window_days: 90, k: 2, fresh_days: FRESH_DAYS } as const;

/**
 * The ranges that bound the cost of one request (issue 12): the work grows with the number of
 * segments (length / segment_m) times the records within buffer_m of each, and the answer with
 * the incidents of the window listed on each. At the limits, over 5 000 km of generated roads,
 * 100 000 incidents and 10 000 presence records without a bbox, one request took 2.7 s on the
 * server and 3.4–4.2 s on the embedded database (a 14 MB answer; up to 9 s with the machine
 * loaded by other work), within the 20 s statement timeout; at the old limits (100 m, 20 km,
 * ten years) it ran for over 14 minutes. Each limit is also where the data stops saying more:
 * segments shorter than the few hundred metres a recorded point can be off claim a precision
 * the evidence does not have; a roadblock or camp more than 5 km off is not on the road; R9
 * looks for a pattern of recent predation, and two years is the longest "recent" here.
 */
export const ROUTE_LIMITS = { min_segment_m: 500, max_buffer_m: 5_000, max_window_days: 730 } as const;

export const routesQuerySchema = Type.Object(
  {
    date: Type.Optional({ ...DATE, description: 'as-of date (default today)' }),
    buffer_m: Type.Number({
      minimum: 0,
      maximum: ROUTE_LIMITS.max_buffer_m,
      default: ROUTE_DEFAULTS.buffer_m,
      description: `evidence within this distance of a segment counts, metres; at most ${ROUTE_LIMITS.max_buffer_m}: further off is not on the road, and the work grows with it`,
    }),
    segment_m: Type.Number({
      minimum: ROUTE_LIMITS.min_segment_m,
      maximum: 50_000,
      default: ROUTE_DEFAULTS.segment_m,
      description: `length of the segments routes are cut into, metres; at least ${ROUTE_LIMITS.min_segment_m}: recorded points can be a few hundred metres off, and each segment costs a search`,
    }),
    window_days: Type.Integer({
      minimum: 1,
      maximum: ROUTE_LIMITS.max_window_days,
      default: ROUTE_DEFAULTS.window_days,
      description: `incidents up to this many days before \`date\` count for R9; at most ${ROUTE_LIMITS.max_window_days}: R9 is about recent predation, and each incident in the window is listed on its segments`,
    }),
    k: Type.Integer({
      minimum: 1,
      maximum: 100,
      default: ROUTE_DEFAULTS.k,
      description: 'R9 fires on a segment with at least k predatory incidents in the window',
    }),
    fresh_days: Type.Integer({
      minimum: 0,
      maximum: 36_500,
      default: ROUTE_DEFAULTS.fresh_days,
      description: 'presence observed longer ago than this is stale and does not count (R11)',
    }),
    bbox: bboxParam(),
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
