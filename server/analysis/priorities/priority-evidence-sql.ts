import { validOn } from '../../db/sql/in-force.js';
import { Params } from '../../db/sql/params.js';

/**
 * The security presence in force on the date, each record as an observation for R1–R4 and R11
 * (observed on its observation day when that is known and not after the date, else on the day
 * it began) with its geometry, so that the priorities can attribute it to nearby places.
 */
export function presenceEvidenceSql(date: string): { text: string; values: unknown[] } {
  const params = new Params();
  const day = params.add(date, 'date');
  const text = `SELECT 'presence' AS layer, p.id, p.actor_type, p.actor_name, p.behaviours,
            (CASE WHEN p.observed_on <= ${day} THEN p.observed_on ELSE p.valid_from END)::text AS observed_on, ST_AsGeoJSON(p.geom, 7)::json AS geometry
     FROM security_presence p WHERE ${validOn('p', day)}`;
  return { text, values: params.values };
}
