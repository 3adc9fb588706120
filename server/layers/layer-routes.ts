import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { Feature, Geometry } from 'geojson';
import { Type } from 'typebox';
import type { Database } from '../db/database.js';
import { badRequest, notFound } from '../http/errors.js';
import { bboxParam, parseBbox } from '../http/bbox-param.js';
import { DATE } from '../http/date-param.js';
import { errorResponses } from '../http/error-schema.js';
import { offsetParam, recordIdParam } from '../http/paging-params.js';
import { serializeAsBuilt } from '../http/response-serializer.js';
import { featureInputSchema } from './feature-schema.js';
import type { LayerDefinition } from './layer-definition.js';
import { layerCollectionAnswer, layerFeatureAnswer, layerListSchema, type LayerCollection, type LayerFeature } from './layer-schema.js';
import { createFeature, deleteFeature, getFeature, listFeatures, updateFeature, type LayerPage } from './layer-store.js';
import { LAYERS } from './registry.js';
import { PROFILES, type Profile } from '../sharing/profiles.js';
import { recordChange } from '../audit/audit-log.js';
import { actorName, profileFor } from '../auth/caller.js';
import { logPartnerRead } from '../export/partner-reads.js';

export const DEFAULT_LIMIT = 1_000;
export const MAX_LIMIT = 10_000;

/** Left out: the most the caller's role may see (README, "Accounts"). */
export const profileParam = Type.Optional(
  Type.Enum([...PROFILES], { description: 'sharing profile: which fields, at which precision (README, "Sharing"); default: the most your role may see' }),
);
const listQuery = Type.Object(
  {
    bbox: bboxParam(),
    date: Type.Optional({ ...DATE, description: 'as-of date: only records in force on that day' }),
    limit: Type.Integer({ minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT }),
    offset: offsetParam(),
    profile: profileParam,
  },
  { additionalProperties: false },
);
const idParams = Type.Object({ id: recordIdParam('the record id as listed for your profile (partners and the public see incidents under opaque ids)') });
const oneQuery = Type.Object({ date: Type.Optional(DATE), profile: profileParam }, { additionalProperties: false });

interface FeatureBody {
  geometry?: Geometry | null;
  properties?: Record<string, unknown> | null;
}

/** A FeatureCollection sent to a one-feature endpoint gets a pointer to the importer, not a schema riddle. */
async function refuseCollections(request: { body: unknown }): Promise<void> {
  const body = request.body as { type?: unknown } | null;
  if (body && typeof body === 'object' && body.type === 'FeatureCollection') {
    throw badRequest(
      'body must be one GeoJSON Feature (type must be one of: Feature); to load a FeatureCollection use `npm run import -- <layer> <file.geojson>`',
    );
  }
}

type LayerApp = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, TypeBoxTypeProvider>;

// The store's features are built in SQL and typed as plain GeoJSON; these name them as the
// answers' types (layer-schema.ts), which tests/http/response-contract.test.ts holds them to.
const asAnswer = (feature: Feature) => feature as unknown as LayerFeature;
const asPage = (page: LayerPage) => page as unknown as LayerCollection;

function registerLayer(app: LayerApp, db: Database, layer: LayerDefinition): void {
  const base = `/api/${layer.name}`;
  const tags = [layer.name];
  const feature = layerFeatureAnswer(layer);

  app.get<{ Querystring: { bbox?: string; date?: string; limit: number; offset: number; profile?: Profile } }>(
    base,
    { schema: { tags, summary: `List ${layer.title.en}`, querystring: listQuery, response: { 200: layerCollectionAnswer(layer), ...errorResponses } } },
    async (request, reply) => {
      const { bbox, date, limit, offset, profile } = request.query;
      const seenAs = profileFor(request, profile);
      const page = await listFeatures(db.reads, layer, { bbox: bbox ? parseBbox(bbox) : undefined, date, limit, offset, profile: seenAs });
      await logPartnerRead(db, request, {
        via: 'layer-api',
        profile: seenAs,
        layer: layer.name,
        filters: { bbox, date, limit, offset },
        featureCount: page.numberReturned,
      });
      return reply.type('application/geo+json').send(asPage(page));
    },
  );

  app.get<{ Params: { id: number }; Querystring: { date?: string; profile?: Profile } }>(
    `${base}/:id`,
    { schema: { tags, summary: `One of ${layer.title.en}`, params: idParams, querystring: oneQuery, response: { 200: feature, ...errorResponses } } },
    async (request, reply) => {
      const found = await getFeature(db.reads, layer, request.params.id, request.query.date, profileFor(request, request.query.profile));
      if (!found) throw notFound(`no ${layer.name} record with id ${request.params.id}`);
      return reply.type('application/geo+json').send(asAnswer(found));
    },
  );

  app.post<{ Body: FeatureBody }>(
    base,
    {
      schema: { tags, summary: `Create one of ${layer.title.en}`, body: featureInputSchema(layer, 'create'), response: { 201: feature, ...errorResponses } },
      preValidation: refuseCollections,
    },
    async (request, reply) => {
      const created = await db.transaction(async (tx) => {
        const created = await createFeature(tx, layer, request.body);
        await recordChange(tx, {
          actor: actorName(request.caller),
          action: 'create',
          layer: layer.name,
          recordId: Number(created.id),
          before: null,
          after: created,
        });
        return created;
      });
      return reply.status(201).header('location', `${base}/${created.id}`).type('application/geo+json').send(asAnswer(created));
    },
  );

  app.patch<{ Params: { id: number }; Body: FeatureBody }>(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: `Change one of ${layer.title.en}`,
        params: idParams,
        body: featureInputSchema(layer, 'patch'),
        response: { 200: feature, ...errorResponses },
      },
    },
    async (request, reply) => {
      const changed = await db.transaction(async (tx) => {
        const before = await getFeature(tx, layer, request.params.id);
        const after = await updateFeature(tx, layer, request.params.id, request.body);
        await recordChange(tx, { actor: actorName(request.caller), action: 'update', layer: layer.name, recordId: request.params.id, before, after });
        return after;
      });
      return reply.type('application/geo+json').send(asAnswer(changed));
    },
  );

  app.delete<{ Params: { id: number } }>(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: `Delete one of ${layer.title.en}`,
        params: idParams,
        response: { 204: Type.Null({ description: 'deleted; no body' }), ...errorResponses },
      },
    },
    async (request, reply) => {
      await db.transaction(async (tx) => {
        const before = await getFeature(tx, layer, request.params.id);
        await deleteFeature(tx, layer, request.params.id);
        await recordChange(tx, { actor: actorName(request.caller), action: 'delete', layer: layer.name, recordId: request.params.id, before, after: null });
      });
      return reply.status(204).send();
    },
  );
}

/** CRUD under /api/<layer> for every layer, plus /api/layers describing them. */
export async function layerRoutes(fastify: FastifyInstance, options: { db: Database }): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.setSerializerCompiler(serializeAsBuilt);
  for (const layer of Object.values(LAYERS)) registerLayer(app, options.db, layer);

  app.get('/api/layers', { schema: { summary: 'The layers this server holds', response: { 200: layerListSchema, ...errorResponses } } }, async () =>
    Object.values(LAYERS).map((layer) => ({
      name: layer.name,
      title: layer.title,
      geometryTypes: [...layer.geometry.types],
      properties: layer.columns.map((c) => ({ name: c.name, required: Boolean(c.required), references: c.references })),
      href: `/api/${layer.name}`,
    })),
  );
}
