import { Type, type Static } from 'typebox';
import { bboxParam } from '../../http/bbox-param.js';
import { DATE } from '../../http/date-param.js';

/** The longest span compared: a meeting's minutes look back months, not decades, and each end runs every analysis. */
export const CHANGES_MAX_DAYS = 3_660;

export const changesQuerySchema = Type.Object(
  {
    from: { ...DATE, description: 'the earlier date (the last meeting): the situation then' },
    to: Type.Optional({ ...DATE, description: 'the later date (default today): the situation now' }),
    bbox: bboxParam('minLon,minLat,maxLon,maxLat (WGS84): the area of the working group'),
    incidents: Type.Enum(['serious', 'all'], {
      default: 'serious',
      description: 'which incidents between the two dates are listed: serious (killings, torture, sexual violence, abductions, armed clashes) or all',
    }),
  },
  { additionalProperties: false },
);
export type ChangesQuery = Static<typeof changesQuerySchema>;

export interface ChangesParams {
  from: string;
  to: string;
  bbox?: number[];
  incidents: 'serious' | 'all';
}
