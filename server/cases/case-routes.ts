import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { recordChange } from '../audit/audit-log.js';
import { actorName, profileFor } from '../auth/caller.js';
import type { Database, Queryable } from '../db/database.js';
import { logPartnerRead } from '../export/partner-reads.js';
import { bboxParam, parseBbox } from '../http/bbox-param.js';
import { DATE } from '../http/date-param.js';
import { errorResponses } from '../http/error-schema.js';
import { forbidden, notFound } from '../http/errors.js';
import { offsetParam, recordIdParam } from '../http/paging-params.js';
import { serializeAsBuilt } from '../http/response-serializer.js';
import { today } from '../http/today.js';
import { profileParam } from '../layers/layer-routes.js';
import type { Profile } from '../sharing/profiles.js';
import {
  caseFileSchema,
  caseInputSchema,
  caseListSchema,
  casePatchSchema,
  followUpInputSchema,
  followUpListSchema,
  followUpPatchSchema,
  stepInputSchema,
  stepPatchSchema,
  type CaseFile,
  type CaseInput,
  type CasePatch,
  type FollowUpInput,
  type FollowUpPatch,
  type StepInput,
  type StepPatch,
} from './case-schema.js';
import { seesFollowUps } from './case-sharing.js';
import * as store from './case-store.js';
import { CASE_STATUSES, type CaseStatus } from './case-vocabulary.js';

/**
 * Dispute case files under /api/cases (issue 15; README, "Case files"). Who may call what is
 * route-access.ts: any caller reads (partners and the public only shareable cases, through
 * their profile: case-sharing.ts), editors write, the follow-up list is the working group's.
 * Every write runs in one transaction with its audit entry (layer `cases`, the whole case file
 * before and after).
 */
const tags = ['cases'];
const MAX_LIMIT = 1_000;

const ids = (what: string) =>
  Type.Optional(
    Type.Array(recordIdParam(), { maxItems: 100, description: `cases that name one of these ${what} as a place; repeat the parameter for several` }),
  );
const asOfParam = Type.Optional({ ...DATE, description: 'the day follow-ups are judged overdue on (due before it and not done); default today in South Kivu' });

const listQuery = Type.Object(
  {
    status: Type.Optional(Type.Array(Type.Enum([...CASE_STATUSES]), { maxItems: CASE_STATUSES.length, description: 'one or more statuses' })),
    claim_id: ids('claims'),
    zone_id: ids('zones (or a claim in them)'),
    site_id: ids('sites'),
    bbox: bboxParam('cases with a place (claim, zone, site, town) touching minLon,minLat,maxLon,maxLat'),
    overdue: Type.Optional(Type.Boolean({ description: 'true: only cases with a follow-up overdue on as_of (working group and internal profiles)' })),
    as_of: asOfParam,
    limit: Type.Integer({ minimum: 1, maximum: MAX_LIMIT, default: 100 }),
    offset: offsetParam('cases to skip'),
    profile: profileParam,
  },
  { additionalProperties: false },
);
const oneQuery = Type.Object({ as_of: asOfParam, profile: profileParam }, { additionalProperties: false });
const followUpQuery = Type.Object(
  {
    overdue: Type.Optional(Type.Boolean({ description: 'true: only those due before as_of and not done' })),
    case_id: Type.Optional(recordIdParam('only this case')),
    as_of: asOfParam,
    limit: Type.Integer({ minimum: 1, maximum: MAX_LIMIT, default: 100 }),
    offset: offsetParam('follow-ups to skip'),
  },
  { additionalProperties: false },
);
const caseParams = Type.Object({ id: recordIdParam('the case id as listed for your profile') });
const stepParams = Type.Object({ id: recordIdParam('the case id'), stepId: recordIdParam('the step id') });
const followUpParams = Type.Object({ id: recordIdParam('the case id'), followUpId: recordIdParam('the follow-up id') });

interface ListQuery {
  status?: CaseStatus[];
  claim_id?: number[];
  zone_id?: number[];
  site_id?: number[];
  bbox?: string;
  overdue?: boolean;
  as_of?: string;
  limit: number;
  offset: number;
  profile?: Profile;
}

function refuseFollowUps(profile: Profile): void {
  if (!seesFollowUps(profile)) throw forbidden(`follow-ups are the working group's: the ${profile} profile does not see them, so it cannot filter on them`);
}

/** One write and its audit entry, in one transaction; the answer is the case file after it. */
async function audited(
  db: Database,
  request: FastifyRequest,
  action: 'create' | 'update' | 'delete',
  caseId: number | null,
  work: (tx: Queryable) => Promise<number | void>,
): Promise<CaseFile | null> {
  return db.transaction(async (tx) => {
    const before = caseId === null ? null : await store.readCase(tx, caseId, today());
    const written = await work(tx);
    const id = caseId ?? (written as number);
    const after = action === 'delete' ? null : await store.readCase(tx, id, today());
    await recordChange(tx, { actor: actorName(request.caller), action, layer: 'cases', recordId: id, before, after });
    return after;
  });
}

export async function caseRoutes(fastify: FastifyInstance, options: { db: Database }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.setSerializerCompiler(serializeAsBuilt);
  const { db } = options;

  app.get<{ Querystring: ListQuery }>(
    '/api/cases',
    {
      schema: {
        tags,
        summary: 'Dispute case files, newest referral first, without their steps; partners and the public see only shareable ones',
        querystring: listQuery,
        response: { 200: caseListSchema, ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query;
      const profile = profileFor(request, q.profile);
      if (q.overdue !== undefined) refuseFollowUps(profile);
      const page = await store.listCases(db.reads, {
        status: q.status,
        claimIds: q.claim_id,
        zoneIds: q.zone_id,
        siteIds: q.site_id,
        bbox: q.bbox ? parseBbox(q.bbox) : undefined,
        overdue: q.overdue,
        asOf: q.as_of ?? today(),
        limit: q.limit,
        offset: q.offset,
        profile,
      });
      const { profile: _, ...filters } = q;
      await logPartnerRead(db, request, { via: 'layer-api', profile, layer: 'cases', filters, featureCount: page.numberReturned });
      return page;
    },
  );

  app.get<{ Querystring: { overdue?: boolean; case_id?: number; as_of?: string; limit: number; offset: number } }>(
    '/api/cases/follow-ups',
    {
      schema: {
        tags,
        summary: "Follow-ups of every case, soonest due first; overdue=true: those not done and due before as_of (the working group's)",
        querystring: followUpQuery,
        response: { 200: followUpListSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { overdue, case_id, as_of, limit, offset } = request.query;
      return store.listFollowUps(db.reads, { overdue, caseId: case_id, asOf: as_of ?? today(), limit, offset });
    },
  );

  app.get<{ Params: { id: number }; Querystring: { as_of?: string; profile?: Profile } }>(
    '/api/cases/:id',
    {
      schema: {
        tags,
        summary: 'One case file with its steps in date order and the records each rests on, as your profile sees them',
        params: caseParams,
        querystring: oneQuery,
        response: { 200: caseFileSchema, ...errorResponses },
      },
    },
    async (request) => {
      const profile = profileFor(request, request.query.profile);
      const file = await store.getCaseFile(db.reads, request.params.id, profile, request.query.as_of ?? today());
      if (!file) throw notFound(`no case with id ${request.params.id}`);
      await logPartnerRead(db, request, { via: 'layer-api', profile, layer: 'cases', filters: { id: request.params.id }, featureCount: 1 });
      return file;
    },
  );

  app.post<{ Body: CaseInput }>(
    '/api/cases',
    {
      schema: {
        tags,
        summary: 'Open a case, with its places, parties and any steps so far',
        body: caseInputSchema,
        response: { 201: caseFileSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const file = (await audited(db, request, 'create', null, (tx) => store.createCase(tx, request.body)))!;
      return reply.status(201).header('location', `/api/cases/${file.id}`).send(file);
    },
  );

  app.patch<{ Params: { id: number }; Body: CasePatch }>(
    '/api/cases/:id',
    {
      schema: {
        tags,
        summary: "Change a case's own members; places and parties, when given, replace the lists",
        params: caseParams,
        body: casePatchSchema,
        response: { 200: caseFileSchema, ...errorResponses },
      },
    },
    async (request) => audited(db, request, 'update', request.params.id, (tx) => store.updateCase(tx, request.params.id, request.body)),
  );

  app.delete<{ Params: { id: number } }>(
    '/api/cases/:id',
    {
      schema: {
        tags,
        summary: 'Delete a case with its steps and follow-ups',
        params: caseParams,
        response: { 204: Type.Null({ description: 'deleted; no body' }), ...errorResponses },
      },
    },
    async (request, reply) => {
      await audited(db, request, 'delete', request.params.id, (tx) => store.deleteCase(tx, request.params.id));
      return reply.status(204).send();
    },
  );

  app.post<{ Params: { id: number }; Body: StepInput }>(
    '/api/cases/:id/steps',
    {
      schema: {
        tags,
        summary: 'Add a step to a case, with the records it rests on and its follow-ups; answers the case file',
        params: caseParams,
        body: stepInputSchema,
        response: { 201: caseFileSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const file = await audited(db, request, 'update', request.params.id, (tx) => store.addStep(tx, request.params.id, request.body));
      return reply.status(201).send(file);
    },
  );

  app.patch<{ Params: { id: number; stepId: number }; Body: StepPatch }>(
    '/api/cases/:id/steps/:stepId',
    {
      schema: {
        tags,
        summary: 'Change a step; rests_on, when given, replaces the list; answers the case file',
        params: stepParams,
        body: stepPatchSchema,
        response: { 200: caseFileSchema, ...errorResponses },
      },
    },
    async (request) => audited(db, request, 'update', request.params.id, (tx) => store.updateStep(tx, request.params.id, request.params.stepId, request.body)),
  );

  app.delete<{ Params: { id: number; stepId: number } }>(
    '/api/cases/:id/steps/:stepId',
    {
      schema: {
        tags,
        summary: 'Delete a step with its follow-ups; answers the case file',
        params: stepParams,
        response: { 200: caseFileSchema, ...errorResponses },
      },
    },
    async (request) => audited(db, request, 'update', request.params.id, (tx) => store.deleteStep(tx, request.params.id, request.params.stepId)),
  );

  app.post<{ Params: { id: number; stepId: number }; Body: FollowUpInput }>(
    '/api/cases/:id/steps/:stepId/follow-ups',
    {
      schema: {
        tags,
        summary: 'Add a follow-up to a step; answers the case file',
        params: stepParams,
        body: followUpInputSchema,
        response: { 201: caseFileSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { id, stepId } = request.params;
      const file = await audited(db, request, 'update', id, (tx) => store.addFollowUp(tx, id, stepId, request.body));
      return reply.status(201).send(file);
    },
  );

  app.patch<{ Params: { id: number; followUpId: number }; Body: FollowUpPatch }>(
    '/api/cases/:id/follow-ups/:followUpId',
    {
      schema: {
        tags,
        summary: 'Change a follow-up (mark it done with done_on); answers the case file',
        params: followUpParams,
        body: followUpPatchSchema,
        response: { 200: caseFileSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { id, followUpId } = request.params;
      return audited(db, request, 'update', id, (tx) => store.updateFollowUp(tx, id, followUpId, request.body));
    },
  );

  app.delete<{ Params: { id: number; followUpId: number } }>(
    '/api/cases/:id/follow-ups/:followUpId',
    {
      schema: { tags, summary: 'Delete a follow-up; answers the case file', params: followUpParams, response: { 200: caseFileSchema, ...errorResponses } },
    },
    async (request) => {
      const { id, followUpId } = request.params;
      return audited(db, request, 'update', id, (tx) => store.deleteFollowUp(tx, id, followUpId));
    },
  );
}
