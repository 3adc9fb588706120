import type { FastifyInstance } from 'fastify';
import type { FeatureCollection } from 'geojson';
import { Type } from 'typebox';
import { DATE } from '../layers/layer-definition.js';
import { geometrySchema } from '../layers/geometry-schema.js';
import { parseBbox } from '../layers/layer-routes.js';
import { findClaimOverlaps, type ClaimDraft } from './claim-overlaps/claim-overlaps.js';
import { routesQuerySchema, type RoutesQuery } from './militarised-routes/route-params.js';
import { findMilitarisedRoutes } from './militarised-routes/militarised-routes.js';
import { siteFlagsQuerySchema, type SiteFlagsQuery } from './security/security-params.js';
import { findSiteFlags } from './security/site-flags.js';
import { findZoneFlags } from './security/zone-flags.js';
import { today } from '../http/today.js';
import { contestedQuerySchema, type ContestedQuery } from './contested/contested-params.js';
import { findContestedZones } from './contested/find-contested-zones.js';
import type { Analyse } from './analysis-limits.js';

/**
 * Analyses over the layers: each answers "as of a date" and says which rule fired and why.
 * Their SQL runs through `analyse`, under the statement timeout (analysis-limits.ts).
 */
export async function analysisRoutes(app: FastifyInstance, options: { analyse: Analyse }): Promise<void> {
  const { analyse } = options;
  app.get<{ Querystring: ContestedQuery }>(
    '/api/analysis/contested',
    {
      schema: {
        tags: ['analysis'],
        summary: 'Contested zones: overlapping claims of different cooperatives in force on a date (rules R5, R6, R7)',
        querystring: contestedQuerySchema,
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

  app.post<{ Body: ClaimDraft }>(
    '/api/analysis/claim-overlaps',
    {
      schema: {
        tags: ['analysis'],
        summary: 'Which claims of other cooperatives a drawn claim would overlap (R5), before it is saved',
        body: Type.Object(
          {
            geometry: geometrySchema(['Polygon', 'MultiPolygon']),
            cooperative_id: Type.Optional(Type.Integer({ minimum: 1, description: 'the claimant: its own claims are left out' })),
            valid_from: Type.Optional({ ...DATE, description: 'start of the period looked at (default today)' }),
            valid_to: Type.Optional(Type.Union([DATE, Type.Null()], { description: 'end of the period (default open-ended)' })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request) => analyse((db) => findClaimOverlaps(db, request.body, today())),
  );

  for (const [path, find, summary] of [
    ['/api/analysis/sites', findSiteFlags, 'Mine sites flagged by the security actors seen there (R1–R4), stale observations marked (R11)'],
    ['/api/analysis/zones', findZoneFlags, 'ZEAs flagged by the security actors in them (R1–R4), stale observations marked (R11)'],
  ] as const) {
    app.get<{ Querystring: SiteFlagsQuery }>(path, { schema: { tags: ['analysis'], summary, querystring: siteFlagsQuerySchema } }, async (request, reply) => {
      const q = request.query;
      const collection = await analyse<FeatureCollection>((db) => find(db, { date: q.date ?? today(), freshDays: q.fresh_days, bbox: q.bbox ? parseBbox(q.bbox) : undefined }));
      return reply.type('application/geo+json').send(collection);
    });
  }

  app.get<{ Querystring: RoutesQuery }>(
    '/api/analysis/routes',
    { schema: { tags: ['analysis'], summary: 'Routes cut into segments, militarised or not on a date, with evidence (R8, R9)', querystring: routesQuerySchema } },
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
}
