import type { Queryable } from '../../db/database.js';
import type { UpsertOutcome } from '../../layers/layer-store.js';
import type { IpisActor, IpisVisit, WktPoints } from './normalise-ipis.js';

export const IPIS_SOURCE = 'ipis';

/** The site_visits columns a re-import compares: a row is rewritten only when one differs. */
const VISIT_COLUMNS = [
  ['site_id', 'bigint'],
  ['visited_on', 'date'],
  ['project', 'text'],
  ['onsite', 'boolean'],
  ['presence_observed', 'boolean'],
  ['armed_presence', 'boolean'],
  ['interference', 'boolean'],
  ['workers', 'integer'],
  ['minerals', 'text[]'],
  ['mercury', 'boolean'],
  ['qualification', 'text'],
  ['state_services', 'text[]'],
  ['traceability', 'text'],
  ['source_record', 'jsonb'],
] as const;

const names = VISIT_COLUMNS.map(([name]) => name);
// $1 source, $2 source_id, then one placeholder per compared column, each cast to its type.
const placeholders = VISIT_COLUMNS.map(([, type], i) => `$${i + 3}::${type}`);

const UPSERT_VISIT = `
  WITH written AS (
    INSERT INTO site_visits AS t (source, source_id, ${names.join(', ')})
    VALUES ($1::text, $2::text, ${placeholders.join(', ')})
    ON CONFLICT (source, source_id) DO UPDATE SET ${names.map((n) => `${n} = EXCLUDED.${n}`).join(', ')}
     WHERE (${names.map((n) => `t.${n}`).join(', ')}) IS DISTINCT FROM (${names.map((n) => `EXCLUDED.${n}`).join(', ')})
    RETURNING t.id, (t.xmax = 0) AS inserted
  )
  SELECT id::float8 AS id, CASE WHEN inserted THEN 'inserted' ELSE 'updated' END AS outcome FROM written
  UNION ALL
  SELECT id::float8, 'unchanged' FROM site_visits
   WHERE source = $1::text AND source_id = $2::text AND NOT EXISTS (SELECT 1 FROM written)`;

/** Inserts or updates one visit, matched on (source, source_id); one statement either way. */
export async function upsertVisit(tx: Queryable, siteId: number, visit: IpisVisit): Promise<{ id: number; outcome: UpsertOutcome }> {
  const values: Record<(typeof names)[number], unknown> = {
    site_id: siteId,
    visited_on: visit.visitedOn,
    project: visit.project,
    onsite: visit.onsite,
    presence_observed: visit.presenceObserved,
    armed_presence: visit.armedPresence,
    interference: visit.interference,
    workers: visit.workers,
    minerals: visit.minerals,
    mercury: visit.mercury,
    qualification: visit.qualification,
    state_services: visit.stateServices,
    traceability: visit.traceability,
    source_record: JSON.stringify(visit.sourceRecord),
  };
  const [row] = await tx.query<{ id: number; outcome: UpsertOutcome }>(UPSERT_VISIT, [IPIS_SOURCE, visit.vid, ...names.map((n) => values[n])]);
  if (!row) throw new Error(`visit ${visit.vid} was neither written nor found`);
  return row;
}

/**
 * Makes a visit's actors those given, touching only the slots that differ, and says
 * whether anything changed: re-importing the same actors writes nothing.
 * The desired actors travel as one jsonb parameter.
 */
const SYNC_ACTORS = `
  WITH desired AS (
    SELECT * FROM jsonb_to_recordset($2::jsonb)
      AS d(position smallint, actor_name text, actor_type text, actor_type_source text, frequency text, behaviours text[])
  ), written AS (
    INSERT INTO site_visit_actors AS a (visit_id, position, actor_name, actor_type, actor_type_source, frequency, behaviours)
    SELECT $1::bigint, position, actor_name, actor_type, actor_type_source, frequency, behaviours FROM desired
    ON CONFLICT (visit_id, position) DO UPDATE
       SET actor_name = EXCLUDED.actor_name, actor_type = EXCLUDED.actor_type, actor_type_source = EXCLUDED.actor_type_source,
           frequency = EXCLUDED.frequency, behaviours = EXCLUDED.behaviours
     WHERE (a.actor_name, a.actor_type, a.actor_type_source, a.frequency, a.behaviours)
           IS DISTINCT FROM (EXCLUDED.actor_name, EXCLUDED.actor_type, EXCLUDED.actor_type_source, EXCLUDED.frequency, EXCLUDED.behaviours)
    RETURNING 1
  ), removed AS (
    DELETE FROM site_visit_actors a
     WHERE a.visit_id = $1::bigint AND a.position NOT IN (SELECT position FROM desired)
    RETURNING 1
  )
  SELECT ((SELECT count(*) FROM written) + (SELECT count(*) FROM removed))::int AS changes`;

export async function syncActors(tx: Queryable, visitId: number, actors: readonly IpisActor[]): Promise<boolean> {
  const desired = actors.map((a) => ({
    position: a.position,
    actor_name: a.actorName,
    actor_type: a.actorType,
    actor_type_source: a.actorTypeSource,
    frequency: a.frequency,
    behaviours: a.behaviours,
  }));
  const [row] = await tx.query<{ changes: number }>(SYNC_ACTORS, [visitId, JSON.stringify(desired)]);
  return (row?.changes ?? 0) > 0;
}

/** A visit whose actors alone changed is an updated visit: its timestamp says so. */
export async function touchVisit(tx: Queryable, visitId: number): Promise<void> {
  await tx.query('UPDATE site_visits SET updated_at = now() WHERE id = $1::bigint', [visitId]);
}

/** The raw rows of the stored IPIS visits of these sites (by pcode), leaving out the visits named (by vid). */
export async function storedIpisRecords(
  tx: Queryable,
  pcodes: readonly string[],
  exceptVids: readonly string[],
): Promise<{ pcode: string; record: Record<string, string> }[]> {
  return tx.query<{ pcode: string; record: Record<string, string> }>(
    `SELECT s.source_id AS pcode, v.source_record AS record
       FROM site_visits v JOIN sites s ON s.id = v.site_id
      WHERE v.source = $1::text AND s.source = $1::text AND s.source_id = ANY($2::text[])
        AND v.source_record IS NOT NULL AND NOT (v.source_id = ANY($3::text[]))`,
    [IPIS_SOURCE, pcodes, exceptVids],
  );
}

/**
 * The points of WKT texts (the `geom` cells of IPIS rows), parsed by PostGIS in one statement:
 * each distinct text → [lon, lat], or null when it is not a (non-empty) WKT point.
 */
export async function wktPoints(db: Queryable, texts: readonly (string | undefined)[]): Promise<WktPoints> {
  const distinct = [...new Set(texts.map((t) => t?.trim() ?? '').filter((t) => t !== ''))];
  if (distinct.length === 0) return new Map();
  const rows = await db.query<{ wkt: string; point: [number, number] | null }>(
    `SELECT t AS wkt, CASE WHEN GeometryType(g) = 'POINT' AND NOT ST_IsEmpty(g) THEN ARRAY[ST_X(g), ST_Y(g)] END AS point
       FROM unnest($1::text[]) t CROSS JOIN LATERAL try_geom_from_text(t) g`,
    [distinct],
  );
  return new Map(rows.map((r) => [r.wkt, r.point]));
}
