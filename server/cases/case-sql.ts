import { bboxCondition } from '../db/sql/bbox.js';
import { Params } from '../db/sql/params.js';
import type { Profile } from '../sharing/profiles.js';
import type { CasePatch, FollowUpInput, FollowUpPatch, PartyInput, PlaceInput, RecordRefInput, StepInput, StepPatch } from './case-schema.js';
import { seesOnlyShareable } from './case-sharing.js';
import type { CaseStatus } from './case-vocabulary.js';

/**
 * The SQL of case files (case-store.ts): small named builders, every value a parameter. JSON is
 * built in SQL with ids as JSON numbers and dates as 'YYYY-MM-DD', so both drivers return the
 * same. Reads build the internal view; case-sharing.ts cuts it to the caller's profile, except
 * which cases a profile may see at all, which is decided here, before paging.
 */
type Sql = { text: string; values: unknown[] };

/**
 * The id a profile sees a case under: the database id, or for partners and the public 52 bits of
 * a keyed hash of it (the installation's sharing secret, as for incidents: published-sql.ts), so
 * the gaps left by the cases kept back count nothing. Needs `CROSS JOIN sharing_secret ss`.
 */
export function publishedCaseIdSql(profile: Profile): string {
  return seesOnlyShareable(profile) ? `('x' || substr(md5(ss.secret || ':case:' || c.id::text), 1, 13))::bit(52)::bigint` : 'c.id';
}

function casesFromSql(profile: Profile): string {
  return seesOnlyShareable(profile) ? 'cases c CROSS JOIN sharing_secret ss' : 'cases c';
}

/** Whether the follow-up `f` is overdue on the day `asOf` (a placeholder): not done, and due before it. */
function overdueSql(asOf: string): string {
  return `(f.done_on IS NULL AND f.due_on < ${asOf})`;
}

/** The internal view of case `c` without its steps, as JSON (schema: caseSummarySchema). */
function caseSummaryJsonSql(asOf: string): string {
  return `json_build_object(
    'id', c.id, 'title', c.title, 'status', c.status, 'opened_on', c.opened_on, 'shareable', c.shareable,
    'illustrative', c.illustrative, 'source', c.source, 'source_id', c.source_id, 'notes', c.notes,
    'places', coalesce((SELECT json_agg(json_build_object(
                 'kind', p.kind, 'record_id', coalesce(p.claim_id, p.zone_id, p.site_id), 'name', p.name,
                 'coordinates', CASE WHEN p.geom IS NULL THEN NULL ELSE json_build_array(ST_X(p.geom)::float8, ST_Y(p.geom)::float8) END)
               ORDER BY p.id) FROM case_places p WHERE p.case_id = c.id), '[]'::json),
    'parties', coalesce((SELECT json_agg(json_build_object('kind', pa.kind, 'cooperative_id', pa.cooperative_id, 'name', coalesce(co.name, pa.name))
               ORDER BY pa.id) FROM case_parties pa LEFT JOIN cooperatives co ON co.id = pa.cooperative_id WHERE pa.case_id = c.id), '[]'::json),
    'step_count', (SELECT count(*)::int FROM case_steps s WHERE s.case_id = c.id),
    'last_step_on', (SELECT max(s.taken_on) FROM case_steps s WHERE s.case_id = c.id),
    'overdue_follow_ups', (SELECT count(*)::int FROM case_follow_ups f JOIN case_steps s ON s.id = f.step_id
                            WHERE s.case_id = c.id AND ${overdueSql(asOf)}),
    'created_at', c.created_at, 'updated_at', c.updated_at)`;
}

export interface CaseListFilters {
  status?: readonly CaseStatus[];
  claimIds?: readonly number[];
  zoneIds?: readonly number[];
  siteIds?: readonly number[];
  bbox?: readonly number[];
  /** Only cases with a follow-up overdue on `asOf`. */
  overdue?: boolean;
  /** YYYY-MM-DD: the day overdue is judged on. */
  asOf: string;
  limit: number;
  offset: number;
  profile: Profile;
}

/**
 * Rows `{ summary, published_id, matched }`: the cases the profile may see that match, newest
 * referral first. A case matches a claim, zone or site when it names it as a place; a zone also
 * when it names a claim in that zone; a bbox when one of its places (a claim's, zone's or
 * site's geometry, a town's point) touches it.
 */
export function listCasesSql(filters: CaseListFilters): Sql {
  const params = new Params();
  const asOf = params.add(filters.asOf, 'date');
  const conditions: string[] = [];
  if (seesOnlyShareable(filters.profile)) conditions.push('c.shareable');
  if (filters.status?.length) conditions.push(`c.status = ANY (${params.add(filters.status, 'text[]')})`);
  if (filters.claimIds?.length) {
    conditions.push(`EXISTS (SELECT 1 FROM case_places p WHERE p.case_id = c.id AND p.claim_id = ANY (${params.add(filters.claimIds, 'bigint[]')}))`);
  }
  if (filters.zoneIds?.length) {
    const zones = params.add(filters.zoneIds, 'bigint[]');
    conditions.push(`EXISTS (SELECT 1 FROM case_places p LEFT JOIN claims cl ON cl.id = p.claim_id
                              WHERE p.case_id = c.id AND (p.zone_id = ANY (${zones}) OR cl.zone_id = ANY (${zones})))`);
  }
  if (filters.siteIds?.length) {
    conditions.push(`EXISTS (SELECT 1 FROM case_places p WHERE p.case_id = c.id AND p.site_id = ANY (${params.add(filters.siteIds, 'bigint[]')}))`);
  }
  if (filters.bbox) {
    const inBox = bboxCondition('coalesce(cl.geom, z.geom, si.geom, p.geom)', filters.bbox, params);
    conditions.push(`EXISTS (SELECT 1 FROM case_places p
                                LEFT JOIN claims cl ON cl.id = p.claim_id LEFT JOIN zones z ON z.id = p.zone_id LEFT JOIN sites si ON si.id = p.site_id
                              WHERE p.case_id = c.id AND ${inBox})`);
  }
  if (filters.overdue) {
    conditions.push(`EXISTS (SELECT 1 FROM case_follow_ups f JOIN case_steps s ON s.id = f.step_id WHERE s.case_id = c.id AND ${overdueSql(asOf)})`);
  }
  const publishedId = publishedCaseIdSql(filters.profile);
  const text = `SELECT ${caseSummaryJsonSql(asOf)} AS summary, ${publishedId}::float8 AS published_id, (count(*) OVER ())::int AS matched
                  FROM ${casesFromSql(filters.profile)}
                 WHERE ${conditions.length ? conditions.join(' AND ') : 'true'}
                 ORDER BY c.opened_on DESC, ${publishedId} DESC
                 LIMIT ${params.add(filters.limit, 'int')} OFFSET ${params.add(filters.offset, 'int')}`;
  return { text, values: params.values };
}

/** One row `{ summary, published_id }`: the case the profile sees under `id`, if it may see it. */
export function caseByPublishedIdSql(id: number, profile: Profile, asOf: string): Sql {
  const params = new Params();
  const day = params.add(asOf, 'date');
  const publishedId = publishedCaseIdSql(profile);
  const shareable = seesOnlyShareable(profile) ? ' AND c.shareable' : '';
  return {
    text: `SELECT ${caseSummaryJsonSql(day)} AS summary, ${publishedId}::float8 AS published_id
             FROM ${casesFromSql(profile)} WHERE ${publishedId} = ${params.add(id, 'bigint')}${shareable}`,
    values: params.values,
  };
}

/** Rows `{ step }`: the case's steps in date order (then order of entry), internal view (schema: stepSchema). */
export function caseStepsSql(caseId: number, asOf: string): Sql {
  const params = new Params();
  const day = params.add(asOf, 'date');
  return {
    text: `SELECT json_build_object(
             'id', s.id, 'taken_on', s.taken_on, 'kind', s.kind, 'summary', s.summary, 'shared_summary', s.shared_summary,
             'actor_kind', s.actor_kind, 'acted_by', s.acted_by,
             'rests_on', coalesce((SELECT json_agg(json_build_object(
                            'layer', CASE WHEN r.incident_id IS NOT NULL THEN 'incidents' WHEN r.presence_id IS NOT NULL THEN 'presence' ELSE 'claims' END,
                            'id', coalesce(r.incident_id, r.presence_id, r.claim_id), 'record', NULL) ORDER BY r.position)
                          FROM case_step_records r WHERE r.step_id = s.id), '[]'::json),
             'follow_ups', coalesce((SELECT json_agg(json_build_object(
                            'id', f.id, 'case_id', s.case_id, 'step_id', f.step_id, 'action', f.action, 'owner', f.owner,
                            'due_on', f.due_on, 'done_on', f.done_on, 'overdue', ${overdueSql(day)}) ORDER BY f.due_on, f.id)
                          FROM case_follow_ups f WHERE f.step_id = s.id), '[]'::json)) AS step
             FROM case_steps s WHERE s.case_id = ${params.add(caseId, 'bigint')}
            ORDER BY s.taken_on, s.id`,
    values: params.values,
  };
}

export interface FollowUpFilters {
  overdue?: boolean;
  caseId?: number;
  asOf: string;
  limit: number;
  offset: number;
}

/** Rows `{ follow_up, matched }`: follow-ups of every case, soonest due first (schema: followUpListSchema's members). */
export function listFollowUpsSql(filters: FollowUpFilters): Sql {
  const params = new Params();
  const asOf = params.add(filters.asOf, 'date');
  const conditions: string[] = [];
  if (filters.overdue) conditions.push(overdueSql(asOf));
  if (filters.caseId !== undefined) conditions.push(`s.case_id = ${params.add(filters.caseId, 'bigint')}`);
  return {
    text: `SELECT json_build_object(
             'id', f.id, 'case_id', s.case_id, 'step_id', f.step_id, 'action', f.action, 'owner', f.owner,
             'due_on', f.due_on, 'done_on', f.done_on, 'overdue', ${overdueSql(asOf)},
             'case_title', c.title, 'step_kind', s.kind, 'step_taken_on', s.taken_on) AS follow_up,
             (count(*) OVER ())::int AS matched
             FROM case_follow_ups f JOIN case_steps s ON s.id = f.step_id JOIN cases c ON c.id = s.case_id
            WHERE ${conditions.length ? conditions.join(' AND ') : 'true'}
            ORDER BY f.due_on, f.id
            LIMIT ${params.add(filters.limit, 'int')} OFFSET ${params.add(filters.offset, 'int')}`,
    values: params.values,
  };
}

// ---------- writes ----------

/** The `SET a = $1, b = $2` of the members present in `patch`, each cast to its column's type. */
function assignments(patch: Record<string, unknown>, casts: Record<string, string>, params: Params): string[] {
  return Object.entries(casts)
    .filter(([name]) => Object.prototype.hasOwnProperty.call(patch, name))
    .map(([name, cast]) => `${name} = ${params.add(patch[name] ?? null, cast)}`);
}

const CASE_COLUMNS = { title: 'text', status: 'text', opened_on: 'date', shareable: 'boolean', notes: 'text' };
const STEP_COLUMNS = { taken_on: 'date', kind: 'text', summary: 'text', shared_summary: 'text', actor_kind: 'text', acted_by: 'text' };
const FOLLOW_UP_COLUMNS = { action: 'text', owner: 'text', due_on: 'date', done_on: 'date' };

/** One row `{ id }`. */
export function insertCaseSql(input: {
  title: string;
  status?: string;
  opened_on: string;
  shareable?: boolean;
  notes?: string | null;
  illustrative?: boolean;
  source?: string;
  source_id?: string | null;
}): Sql {
  const params = new Params();
  return {
    text: `INSERT INTO cases (title, status, opened_on, shareable, notes, illustrative, source, source_id)
           VALUES (${params.add(input.title, 'text')}, coalesce(${params.add(input.status ?? null, 'text')}, 'referred'), ${params.add(input.opened_on, 'date')},
                   ${params.add(input.shareable ?? false, 'boolean')}, ${params.add(input.notes ?? null, 'text')}, ${params.add(input.illustrative ?? false, 'boolean')},
                   coalesce(${params.add(input.source ?? null, 'text')}, 'manual'), ${params.add(input.source_id ?? null, 'text')})
           RETURNING id::float8 AS id`,
    values: params.values,
  };
}

/** One row `{ id }` when the case exists; `patch` holds at least one of the case's own columns. */
export function updateCaseSql(id: number, patch: CasePatch): Sql | undefined {
  const params = new Params();
  const set = assignments(patch, CASE_COLUMNS, params);
  if (!set.length) return undefined;
  return { text: `UPDATE cases SET ${set.join(', ')} WHERE id = ${params.add(id, 'bigint')} RETURNING id::float8 AS id`, values: params.values };
}

/** One row `{ id }` when the case existed. */
export function deleteCaseSql(id: number): Sql {
  return { text: `DELETE FROM cases WHERE id = $1::bigint RETURNING id::float8 AS id`, values: [id] };
}

/** One row `{ id }` when a case came from `source` as `sourceId`. */
export function caseIdBySourceSql(source: string, sourceId: string): Sql {
  return { text: `SELECT id::float8 AS id FROM cases WHERE source = $1::text AND source_id = $2::text`, values: [source, sourceId] };
}

/** Places and parties are replaced as a whole on a change. */
export function deletePlacesSql(caseId: number): Sql {
  return { text: `DELETE FROM case_places WHERE case_id = $1::bigint`, values: [caseId] };
}

export function deletePartiesSql(caseId: number): Sql {
  return { text: `DELETE FROM case_parties WHERE case_id = $1::bigint`, values: [caseId] };
}

export function insertPlaceSql(caseId: number, place: PlaceInput): Sql {
  const params = new Params();
  const ref = (kind: PlaceInput['kind']) => params.add(place.kind === kind ? place.record_id : null, 'bigint');
  const point = place.coordinates
    ? `ST_SetSRID(ST_MakePoint(${params.add(place.coordinates[0], 'float8')}, ${params.add(place.coordinates[1], 'float8')}), 4326)`
    : 'NULL';
  return {
    text: `INSERT INTO case_places (case_id, kind, claim_id, zone_id, site_id, name, geom)
           VALUES (${params.add(caseId, 'bigint')}, ${params.add(place.kind, 'text')}, ${ref('claim')}, ${ref('zone')}, ${ref('site')},
                   ${params.add(place.name ?? null, 'text')}, ${point})`,
    values: params.values,
  };
}

export function insertPartySql(caseId: number, party: PartyInput): Sql {
  const params = new Params();
  return {
    text: `INSERT INTO case_parties (case_id, kind, cooperative_id, name)
           VALUES (${params.add(caseId, 'bigint')}, ${params.add(party.kind, 'text')}, ${params.add(party.cooperative_id ?? null, 'bigint')}, ${params.add(party.name ?? null, 'text')})`,
    values: params.values,
  };
}

/** One row `{ id }`. */
export function insertStepSql(caseId: number, step: StepInput): Sql {
  const params = new Params();
  return {
    text: `INSERT INTO case_steps (case_id, taken_on, kind, summary, shared_summary, actor_kind, acted_by)
           VALUES (${params.add(caseId, 'bigint')}, ${params.add(step.taken_on, 'date')}, ${params.add(step.kind, 'text')}, ${params.add(step.summary, 'text')},
                   ${params.add(step.shared_summary ?? null, 'text')}, ${params.add(step.actor_kind ?? null, 'text')}, ${params.add(step.acted_by ?? null, 'text')})
           RETURNING id::float8 AS id`,
    values: params.values,
  };
}

/** One row `{ id }` when the step exists in the case. Without any column to change, a no-op that still says whether it exists. */
export function updateStepSql(caseId: number, stepId: number, patch: StepPatch): Sql {
  const params = new Params();
  const set = assignments(patch, STEP_COLUMNS, params);
  const where = `id = ${params.add(stepId, 'bigint')} AND case_id = ${params.add(caseId, 'bigint')}`;
  if (!set.length) return { text: `SELECT id::float8 AS id FROM case_steps WHERE ${where}`, values: params.values };
  return { text: `UPDATE case_steps SET ${set.join(', ')} WHERE ${where} RETURNING id::float8 AS id`, values: params.values };
}

/** One row `{ id }` when the step existed in the case; its records and follow-ups go with it. */
export function deleteStepSql(caseId: number, stepId: number): Sql {
  return { text: `DELETE FROM case_steps WHERE id = $1::bigint AND case_id = $2::bigint RETURNING id::float8 AS id`, values: [stepId, caseId] };
}

export function deleteStepRecordsSql(stepId: number): Sql {
  return { text: `DELETE FROM case_step_records WHERE step_id = $1::bigint`, values: [stepId] };
}

const EVIDENCE_COLUMN: Record<RecordRefInput['layer'], string> = { incidents: 'incident_id', presence: 'presence_id', claims: 'claim_id' };

export function insertStepRecordSql(stepId: number, position: number, ref: RecordRefInput): Sql {
  const params = new Params();
  return {
    text: `INSERT INTO case_step_records (step_id, position, ${EVIDENCE_COLUMN[ref.layer]})
           VALUES (${params.add(stepId, 'bigint')}, ${params.add(position, 'smallint')}, ${params.add(ref.id, 'bigint')})`,
    values: params.values,
  };
}

/** One row `{ id }`. */
export function insertFollowUpSql(stepId: number, followUp: FollowUpInput): Sql {
  const params = new Params();
  return {
    text: `INSERT INTO case_follow_ups (step_id, action, owner, due_on, done_on)
           VALUES (${params.add(stepId, 'bigint')}, ${params.add(followUp.action, 'text')}, ${params.add(followUp.owner, 'text')},
                   ${params.add(followUp.due_on, 'date')}, ${params.add(followUp.done_on ?? null, 'date')})
           RETURNING id::float8 AS id`,
    values: params.values,
  };
}

/** One row `{ id }` when the follow-up exists in the case. */
export function updateFollowUpSql(caseId: number, followUpId: number, patch: FollowUpPatch): Sql {
  const params = new Params();
  const set = assignments(patch, FOLLOW_UP_COLUMNS, params);
  return {
    text: `UPDATE case_follow_ups f SET ${set.join(', ')}
            WHERE f.id = ${params.add(followUpId, 'bigint')}
              AND EXISTS (SELECT 1 FROM case_steps s WHERE s.id = f.step_id AND s.case_id = ${params.add(caseId, 'bigint')})
           RETURNING f.id::float8 AS id`,
    values: params.values,
  };
}

/** One row `{ id }` when the follow-up existed in the case. */
export function deleteFollowUpSql(caseId: number, followUpId: number): Sql {
  return {
    text: `DELETE FROM case_follow_ups f WHERE f.id = $1::bigint
              AND EXISTS (SELECT 1 FROM case_steps s WHERE s.id = f.step_id AND s.case_id = $2::bigint)
           RETURNING f.id::float8 AS id`,
    values: [followUpId, caseId],
  };
}

/** One row when the step exists in the case. */
export function stepInCaseSql(caseId: number, stepId: number): Sql {
  return { text: `SELECT 1 FROM case_steps WHERE id = $1::bigint AND case_id = $2::bigint`, values: [stepId, caseId] };
}

/** Touches the case, so that its `updated_at` says when anything in its file last changed. */
export function touchCaseSql(caseId: number): Sql {
  return { text: `UPDATE cases SET updated_at = now() WHERE id = $1::bigint RETURNING id::float8 AS id`, values: [caseId] };
}
