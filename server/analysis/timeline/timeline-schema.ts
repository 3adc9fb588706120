import { Type, type Static } from 'typebox';

const month = Type.Object(
  {
    month: Type.String({ pattern: '^\\d{4}-\\d{2}$', description: 'YYYY-MM' }),
    date: Type.String({ format: 'date', description: 'the day the month was judged on: its last day, or `to` for the last month' }),
    contested: Type.Integer({ description: 'contested zones in force on `date` (GET /api/analysis/contested, its defaults)' }),
    militarised_km: Type.Number({ description: 'militarised route kilometres on `date` (GET /api/analysis/routes, its defaults)' }),
    armed_sites: Type.Integer({
      description: 'mine sites with current army or armed-group presence on `date` (GET /api/analysis/sites: red or amber, R11 applied)',
    }),
    incidents: Type.Integer({ description: 'incidents that occurred in the month (up to `to` in the last month)' }),
  },
  { additionalProperties: false },
);

export const timelineSchema = Type.Object(
  {
    to: Type.String({ format: 'date' }),
    months: Type.Array(month, { description: 'oldest first' }),
  },
  { additionalProperties: false },
);
export type Timeline = Static<typeof timelineSchema>;
export type TimelineMonth = Static<typeof month>;
