import { Type, type Static } from 'typebox';
import { bboxParam } from '../../http/bbox-param.js';
import { DATE } from '../../http/date-param.js';

/**
 * A year: IPIS revisits a site every year or two at best, and the working group meets
 * monthly; what was seen more than a year ago is history, not the situation (R11).
 */
export const FRESH_DAYS = 365;

const bbox = bboxParam();

export const siteFlagsQuerySchema = Type.Object(
  {
    date: Type.Optional({ ...DATE, description: 'as-of date (default today): the latest visit on or before it, presence in force on it' }),
    fresh_days: Type.Integer({
      minimum: 0,
      maximum: 36_500,
      default: FRESH_DAYS,
      description: 'observations older than this many days are stale, never current (R11)',
    }),
    bbox,
  },
  { additionalProperties: false },
);
export type SiteFlagsQuery = Static<typeof siteFlagsQuerySchema>;

export interface SecurityParams {
  date: string;
  freshDays: number;
  bbox?: number[];
}
