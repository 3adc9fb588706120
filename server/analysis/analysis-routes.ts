import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.js';
import { parseBbox } from '../http/bbox-param.js';
import { errorResponses } from '../http/error-schema.js';
import { serializeAsBuilt } from '../http/response-serializer.js';
import { findClaimOverlaps } from './claim-overlaps/claim-overlaps.js';
import { claimDraftSchema, overlapReportSchema } from './claim-overlaps/claim-overlaps-schema.js';
import { routesQuerySchema } from './militarised-routes/route-params.js';
import { findMilitarisedRoutes } from './militarised-routes/militarised-routes.js';
import { militarisedRoutesSchema } from './militarised-routes/militarised-routes-schema.js';
import { siteFlagsQuerySchema } from './security/security-params.js';
import { findSiteFlags } from './security/site-flags.js';
import { findZoneFlags } from './security/zone-flags.js';
import { siteFlagsSchema, zoneFlagsSchema, type SiteFlags, type ZoneFlags } from './security/security-schema.js';
import { today } from '../http/today.js';
import { contestedQuerySchema } from './contested/contested-params.js';
import { findContestedZones } from './contested/find-contested-zones.js';
import { contestedCollectionSchema } from './contested/contested-schema.js';
import { permitOverlapsQuerySchema } from './permit-overlaps/permit-overlaps-params.js';
import { findPermitOverlaps } from './permit-overlaps/permit-overlaps.js';
import { permitOverlapsSchema } from './permit-overlaps/permit-overlaps-schema.js';
import type { Analyse } from './analysis-limits.js';
import { changesQuerySchema } from './changes/changes-params.js';
import { changesSchema } from './changes/changes-schema.js';
import { CHANGES_MAX_DAYS } from './changes/changes-params.js';
import { findChanges } from './changes/find-changes.js';
import { badRequest } from '../http/errors.js';
import { daysBetween } from '../domain/iso-date.js';
import { timelineParams, timelineQuerySchema, type TimelineQuery } from './timeline/timeline-params.js';
import { timelineSchema } from './timeline/timeline-schema.js';
import { buildTimeline } from './timeline/timeline.js';
import type { Timeline } from './timeline/timeline-schema.js';
import { keptByDataVersion } from './kept-by-data-version.js';

/** Timelines kept per instance: the map asks one for each view it settles on, and views recur. */
const KEPT_TIMELINES = 64;

/**
 * Analyses over the layers: each answers "as of a date" and says which rule fired and why.
 * Their SQL runs through `analyse`, under the statement timeout (analysis-limits.ts).
 */
export async function analysisRoutes(fastify: FastifyInstance, options: { analyse: Analyse; db: Database }): Promise<void> {
  const { analyse, db } = options;
  const timelines = keptByDataVersion<Timeline>(KEPT_TIMELINES);
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.setSerializerCompiler(serializeAsBuilt);
  app.get(
    '/api/analysis/contested',
    {
      schema: {
        tags: ['analysis'],
        summary: 'Contested zones: overlapping claims of different cooperatives in force on a date (rules R5, R6, R7)',
        querystring: contestedQuerySchema,
        response: { 200: contestedCollectionSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const collection = await analyse((db) =>
        findContestedZones(db, {
          date: q.date ?? today(),
          minAreaHa: q.min_area_ha,
          minShare: q.min_share,
          nearKm: q.near_km,
          incidentDays: q.incident_days,
          bbox: q.bbox ? parseBbox(q.bbox) : undefined,
        }),
      );
      return reply.type('application/geo+json').send(collection);
    },
  );

  app.get(
    '/api/analysis/permit-overlaps',
    {
      schema: {
        tags: ['analysis'],
        summary: 'Claims and ZEAs overlapping an industrial mining title in force on a date, with holder and hectares (rule R12)',
        querystring: permitOverlapsQuerySchema,
        response: { 200: permitOverlapsSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const collection = await analyse((db) =>
        findPermitOverlaps(db, { date: q.date ?? today(), minAreaHa: q.min_area_ha, bbox: q.bbox ? parseBbox(q.bbox) : undefined }),
      );
      return reply.type('application/geo+json').send(collection);
    },
  );

  app.post(
    '/api/analysis/claim-overlaps',
    {
      schema: {
        tags: ['analysis'],
        summary: 'Which claims of other cooperatives a drawn claim would overlap (R5), before it is saved',
        body: claimDraftSchema,
        response: { 200: overlapReportSchema, ...errorResponses },
      },
    },
    async (request) => analyse((db) => findClaimOverlaps(db, request.body, today())),
  );

  for (const [path, find, summary, answer] of [
    ['/api/analysis/sites', findSiteFlags, 'Mine sites flagged by the security actors seen there (R1–R4), stale observations marked (R11)', siteFlagsSchema],
    ['/api/analysis/zones', findZoneFlags, 'ZEAs flagged by the security actors in them (R1–R4), stale observations marked (R11)', zoneFlagsSchema],
  ] as const) {
    const schema = { tags: ['analysis'], summary, querystring: siteFlagsQuerySchema, response: { 200: answer, ...errorResponses } };
    app.get(path, { schema }, async (request, reply) => {
      const q = request.query;
      const collection = await analyse<SiteFlags | ZoneFlags>((db) =>
        find(db, { date: q.date ?? today(), freshDays: q.fresh_days, bbox: q.bbox ? parseBbox(q.bbox) : undefined }),
      );
      return reply.type('application/geo+json').send(collection);
    });
  }

  app.get(
    '/api/analysis/routes',
    {
      schema: {
        tags: ['analysis'],
        summary: 'Routes cut into segments, militarised or not on a date, with evidence (R8, R9)',
        querystring: routesQuerySchema,
        response: { 200: militarisedRoutesSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const collection = await analyse((db) =>
        findMilitarisedRoutes(db, {
          date: q.date ?? today(),
          bufferM: q.buffer_m,
          segmentM: q.segment_m,
          windowDays: q.window_days,
          k: q.k,
          freshDays: q.fresh_days,
          bbox: q.bbox ? parseBbox(q.bbox) : undefined,
        }),
      );
      return reply.type('application/geo+json').send(collection);
    },
  );

  app.get(
    '/api/analysis/timeline',
    {
      schema: {
        tags: ['analysis'],
        summary:
          'Month by month: contested zones, militarised route km, sites with current armed presence and incidents (the map’s own analyses on each month’s last day)',
        querystring: timelineQuerySchema,
        response: { 200: timelineSchema, ...errorResponses },
      },
      // Ten years of analyses the first time; panned back to, a read of the data version (where the analyses read,
      // so that a replica's lag cannot make it miss), with no slot to wait for.
      config: { keptAnswer: (request) => timelines.kept(db.reads, JSON.stringify(timelineParams(request.query as TimelineQuery))) },
    },
    async (request) => {
      const params = timelineParams(request.query);
      return analyse((db) => timelines(db, JSON.stringify(params), () => buildTimeline(db, params)));
    },
  );

  app.get(
    '/api/analysis/changes',
    {
      schema: {
        tags: ['analysis'],
        summary:
          'What changed between two dates: contested zones, site flags and militarised routes that rose or cleared, and the incidents between (the digest for a meeting)',
        querystring: changesQuerySchema,
        response: { 200: changesSchema, ...errorResponses },
      },
    },
    async (request) => {
      const q = request.query;
      const to = q.to ?? today();
      if (to <= q.from) throw badRequest(`to (${to}) must come after from (${q.from})`);
      if (daysBetween(q.from, to) > CHANGES_MAX_DAYS) throw badRequest(`from and to may be at most ${CHANGES_MAX_DAYS} days apart`);
      return analyse((db) => findChanges(db, { from: q.from, to, bbox: q.bbox ? parseBbox(q.bbox) : undefined, incidents: q.incidents }));
    },
  );
}
