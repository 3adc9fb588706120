import { Type, type Static } from 'typebox';
import { bboxParam, parseBbox } from '../../http/bbox-param.js';
import { today } from '../../http/today.js';
import { DATE } from '../../http/date-param.js';

/**
 * Ten years: long enough that a strip opened today still shows the 2018–2019 Bitale peak,
 * short enough that a month stays a few pixels wide along the map. Each month runs the
 * analyses on its last day, so the ceiling is also the cost's.
 */
export const TIMELINE_MAX_MONTHS = 120;

export const timelineQuerySchema = Type.Object(
  {
    to: Type.Optional({ ...DATE, description: 'the last day counted (default today); its month is the last of the strip' }),
    months: Type.Integer({
      minimum: 1,
      maximum: TIMELINE_MAX_MONTHS,
      default: TIMELINE_MAX_MONTHS,
      description: `how many months, ending with the month of \`to\`; at most ${TIMELINE_MAX_MONTHS}, since each month runs the analyses once`,
    }),
    bbox: bboxParam('minLon,minLat,maxLon,maxLat (WGS84): what the map shows; every count is of that area'),
  },
  { additionalProperties: false },
);
export type TimelineQuery = Static<typeof timelineQuerySchema>;

export interface TimelineParams {
  to: string;
  months: number;
  bbox?: number[];
}

/** A request's timeline, its defaults filled in (today in the server's time zone). */
export function timelineParams(query: TimelineQuery): TimelineParams {
  return { to: query.to ?? today(), months: query.months, bbox: query.bbox ? parseBbox(query.bbox) : undefined };
}
