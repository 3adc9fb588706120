import type { Queryable } from '../db/database.js';
import { translateDatabaseError } from '../db/database-errors.js';
import { badRequest, notFound } from '../http/errors.js';
import { getFeature } from '../layers/layer-store.js';
import { LAYERS } from '../layers/registry.js';
import type { Profile } from '../sharing/profiles.js';
import type {
  CaseFile,
  CaseInput,
  CasePatch,
  CaseStep,
  CaseSummary,
  FollowUpInput,
  FollowUpList,
  FollowUpPatch,
  PartyInput,
  PlaceInput,
  RecordRef,
  StepInput,
  StepPatch,
} from './case-schema.js';
import { evidenceLayersFor, publishCaseSummary, publishStep } from './case-sharing.js';
import * as sql from './case-sql.js';
import type { EvidenceLayer } from './case-vocabulary.js';

/**
 * The one place that reads and writes case files (issue 15). Reads go through the caller's
 * profile (case-sharing.ts); writes run inside the caller's transaction, so that a refused
 * request writes nothing.
 */

type Statement = { text: string; values: unknown[] };

async function run<Row>(db: Queryable, statement: Statement): Promise<Row[]> {
  try {
    return await db.query<Row>(statement.text, statement.values);
  } catch (error) {
    throw translateDatabaseError(error);
  }
}

// ---------- reads ----------

export interface CasePage {
  cases: CaseSummary[];
  numberMatched: number;
  numberReturned: number;
}

export async function listCases(db: Queryable, filters: sql.CaseListFilters): Promise<CasePage> {
  const rows = await run<{ summary: CaseSummary; published_id: number; matched: number }>(db, sql.listCasesSql(filters));
  const cases = rows.map((row) => publishCaseSummary({ ...row.summary, id: row.published_id }, filters.profile));
  let matched = rows[0]?.matched ?? 0;
  // A page past the end has no row to carry the count: ask again from the start.
  if (!rows.length && filters.offset > 0)
    matched = (await run<{ matched: number }>(db, sql.listCasesSql({ ...filters, offset: 0, limit: 1 })))[0]?.matched ?? 0;
  return { cases, numberMatched: matched, numberReturned: cases.length };
}

/**
 * The case the profile sees under `id`, with its steps in date order and the records each
 * rests on, read through the profile of their own layer; null when there is none it may see.
 */
export async function getCaseFile(db: Queryable, id: number, profile: Profile, asOf: string): Promise<CaseFile | null> {
  const [row] = await run<{ summary: CaseSummary; published_id: number }>(db, sql.caseByPublishedIdSql(id, profile, asOf));
  if (!row) return null;
  const steps = await run<{ step: CaseStep }>(db, sql.caseStepsSql(row.summary.id, asOf));
  const published: CaseStep[] = [];
  for (const { step } of steps) {
    const visible = publishStep(step, profile);
    // One after the other: `db` may be a transaction's one connection, where node-postgres queues
    // concurrent queries today and refuses them from pg@9 (its deprecation warning in the server runs).
    const rests: RecordRef[] = [];
    for (const ref of visible.rests_on) rests.push(await withRecord(db, ref, profile));
    visible.rests_on = rests;
    published.push(visible);
  }
  return { ...publishCaseSummary({ ...row.summary, id: row.published_id }, profile), steps: published };
}

/** A reference with the record's properties as the profile sees them, and the id it sees it under. */
async function withRecord(db: Queryable, ref: RecordRef, profile: Profile): Promise<RecordRef> {
  if (!evidenceLayersFor(profile).includes(ref.layer)) throw new Error(`a ${ref.layer} reference reached the ${profile} profile`);
  const feature = await getFeature(db, LAYERS[ref.layer], ref.id, undefined, profile);
  if (!feature) return { layer: ref.layer, id: ref.id, record: null };
  return { layer: ref.layer, id: Number(feature.id), record: feature.properties ?? {} };
}

/** The internal view of a case by its database id, for the audit log and the answers to writes. */
export async function readCase(db: Queryable, id: number, asOf: string): Promise<CaseFile> {
  const file = await getCaseFile(db, id, 'internal', asOf);
  if (!file) throw notFound(`no case with id ${id}`);
  return file;
}

export async function listFollowUps(db: Queryable, filters: sql.FollowUpFilters): Promise<FollowUpList> {
  const rows = await run<{ follow_up: FollowUpList['follow_ups'][number]; matched: number }>(db, sql.listFollowUpsSql(filters));
  return { as_of: filters.asOf, follow_ups: rows.map((r) => r.follow_up), numberMatched: rows[0]?.matched ?? 0, numberReturned: rows.length };
}

// ---------- checks in words, before the database's constraints ----------

function checkPlace(place: PlaceInput, at: string): void {
  if (place.kind === 'town') {
    if (place.name === undefined) throw badRequest(`${at}: a town needs its name`);
    if (place.record_id !== undefined) throw badRequest(`${at}: a town is named, not a record: leave out record_id`);
  } else {
    if (place.record_id === undefined) throw badRequest(`${at}: a ${place.kind} needs record_id, the id of its record in /api/${place.kind}s`);
    if (place.name !== undefined || place.coordinates !== undefined)
      throw badRequest(`${at}: name and coordinates are for a town; a ${place.kind} is its record`);
  }
}

function checkParty(party: PartyInput, at: string): void {
  if (party.kind === 'cooperative') {
    if (party.cooperative_id === undefined) throw badRequest(`${at}: a cooperative needs cooperative_id, the id of its record in /api/cooperatives`);
    if (party.name !== undefined) throw badRequest(`${at}: a cooperative's name comes from its record: leave out name`);
  } else {
    if (party.name === undefined) throw badRequest(`${at}: a party of kind ${party.kind} needs its name`);
    if (party.cooperative_id !== undefined) throw badRequest(`${at}: cooperative_id is for a cooperative, not a ${party.kind}`);
  }
}

function checkFollowUp(followUp: { due_on?: string; done_on?: string | null }, at: string, takenOn?: string): void {
  if (followUp.done_on && takenOn && followUp.done_on < takenOn) throw badRequest(`${at}: done_on (${followUp.done_on}) is before the step (${takenOn})`);
}

// ---------- writes ----------

async function writePlacesAndParties(tx: Queryable, caseId: number, input: { places?: PlaceInput[]; parties?: PartyInput[] }): Promise<void> {
  if (input.places) {
    input.places.forEach((p, i) => checkPlace(p, `places/${i}`));
    await run(tx, sql.deletePlacesSql(caseId));
    for (const place of input.places) await run(tx, sql.insertPlaceSql(caseId, place));
  }
  if (input.parties) {
    input.parties.forEach((p, i) => checkParty(p, `parties/${i}`));
    await run(tx, sql.deletePartiesSql(caseId));
    for (const party of input.parties) await run(tx, sql.insertPartySql(caseId, party));
  }
}

async function writeRestsOn(tx: Queryable, stepId: number, refs: readonly { layer: EvidenceLayer; id: number }[]): Promise<void> {
  await run(tx, sql.deleteStepRecordsSql(stepId));
  for (const [i, ref] of refs.entries()) await run(tx, sql.insertStepRecordSql(stepId, i + 1, ref));
}

async function insertStep(tx: Queryable, caseId: number, step: StepInput, at: string): Promise<number> {
  step.follow_ups?.forEach((f, i) => checkFollowUp(f, `${at}/follow_ups/${i}`, step.taken_on));
  const [row] = await run<{ id: number }>(tx, sql.insertStepSql(caseId, step));
  const stepId = row!.id;
  await writeRestsOn(tx, stepId, step.rests_on ?? []);
  for (const followUp of step.follow_ups ?? []) await run(tx, sql.insertFollowUpSql(stepId, followUp));
  return stepId;
}

/** A new case with its places, parties and steps; its database id. */
export async function createCase(tx: Queryable, input: CaseInput): Promise<number> {
  const [row] = await run<{ id: number }>(tx, sql.insertCaseSql(input));
  const caseId = row!.id;
  await writePlacesAndParties(tx, caseId, input);
  for (const [i, step] of (input.steps ?? []).entries()) await insertStep(tx, caseId, step, `steps/${i}`);
  return caseId;
}

export async function updateCase(tx: Queryable, caseId: number, patch: CasePatch): Promise<void> {
  const update = sql.updateCaseSql(caseId, patch) ?? sql.touchCaseSql(caseId);
  if (!(await run(tx, update)).length) throw notFound(`no case with id ${caseId}`);
  await writePlacesAndParties(tx, caseId, patch);
}

export async function deleteCase(tx: Queryable, caseId: number): Promise<void> {
  if (!(await run(tx, sql.deleteCaseSql(caseId))).length) throw notFound(`no case with id ${caseId}`);
}

async function assertCase(tx: Queryable, caseId: number): Promise<void> {
  if (!(await run(tx, sql.touchCaseSql(caseId))).length) throw notFound(`no case with id ${caseId}`);
}

/** A new step of the case; its id. */
export async function addStep(tx: Queryable, caseId: number, step: StepInput): Promise<number> {
  await assertCase(tx, caseId);
  return insertStep(tx, caseId, step, 'body');
}

export async function updateStep(tx: Queryable, caseId: number, stepId: number, patch: StepPatch): Promise<void> {
  await assertCase(tx, caseId);
  if (!(await run(tx, sql.updateStepSql(caseId, stepId, patch))).length) throw notFound(`case ${caseId} has no step with id ${stepId}`);
  if (patch.rests_on) await writeRestsOn(tx, stepId, patch.rests_on);
}

export async function deleteStep(tx: Queryable, caseId: number, stepId: number): Promise<void> {
  await assertCase(tx, caseId);
  if (!(await run(tx, sql.deleteStepSql(caseId, stepId))).length) throw notFound(`case ${caseId} has no step with id ${stepId}`);
}

export async function addFollowUp(tx: Queryable, caseId: number, stepId: number, followUp: FollowUpInput): Promise<number> {
  await assertCase(tx, caseId);
  if (!(await run(tx, sql.stepInCaseSql(caseId, stepId))).length) throw notFound(`case ${caseId} has no step with id ${stepId}`);
  const [row] = await run<{ id: number }>(tx, sql.insertFollowUpSql(stepId, followUp));
  return row!.id;
}

export async function updateFollowUp(tx: Queryable, caseId: number, followUpId: number, patch: FollowUpPatch): Promise<void> {
  await assertCase(tx, caseId);
  if (!(await run(tx, sql.updateFollowUpSql(caseId, followUpId, patch))).length) throw notFound(`case ${caseId} has no follow-up with id ${followUpId}`);
}

export async function deleteFollowUp(tx: Queryable, caseId: number, followUpId: number): Promise<void> {
  await assertCase(tx, caseId);
  if (!(await run(tx, sql.deleteFollowUpSql(caseId, followUpId))).length) throw notFound(`case ${caseId} has no follow-up with id ${followUpId}`);
}

/** The id of the case that came from `source` as `sourceId`, if there is one (the key of the demo's idempotent load). */
export async function findCaseIdBySource(db: Queryable, source: string, sourceId: string): Promise<number | undefined> {
  const [row] = await run<{ id: number }>(db, sql.caseIdBySourceSql(source, sourceId));
  return row?.id;
}
