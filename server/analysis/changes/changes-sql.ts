import { bboxCondition } from '../../db/sql/bbox.js';
import { Params } from '../../db/sql/params.js';

/** Incidents after `from` up to `to` (the days between two meetings), of the categories given (all when null), newest first. */
export function incidentsBetweenSql(from: string, to: string, categories: readonly string[] | null, bbox: readonly number[] | undefined) {
  const params = new Params();
  const after = params.add(from, 'date');
  const until = params.add(to, 'date');
  const conditions = [`i.occurred_on > ${after}`, `i.occurred_on <= ${until}`];
  // One text parameter: both drivers send a string alike, where their array encodings differ.
  if (categories) conditions.push(`i.category = ANY(string_to_array(${params.add(categories.join(','), 'text')}, ','))`);
  if (bbox) conditions.push(bboxCondition('i.geom', bbox, params));
  const text = `SELECT i.id::int AS id, i.category, i.occurred_on::text AS occurred_on, ST_X(i.geom) AS lon, ST_Y(i.geom) AS lat
    FROM incidents i WHERE ${conditions.join(' AND ')}
    ORDER BY i.occurred_on DESC, i.id DESC`;
  return { text, values: params.values };
}
