import { Type } from 'typebox';

/**
 * A day as YYYY-MM-DD, checked by Ajv's `date` format (a real day: 2019-02-30 is refused): the
 * as-of dates and periods of every route, and the date columns of the layers' bodies. Days,
 * not instants, because the data records days (local days in South Kivu, see today.ts).
 */
export const DATE = Type.String({ format: 'date' });
