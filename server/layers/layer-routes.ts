import type { FastifyInstance } from 'fastify';
import type { Geometry } from 'geojson';
import { Type } from 'typebox';
import type { Database } from '../db/database.js';
import { badRequest, notFound } from '../http/errors.js';
import { offsetParam, recordIdParam } from '../http/paging-params.js';
import { featureInputSchema } from './feature-schema.js';
import { DATE, type LayerDefinition } from './layer-definition.js';
import { createFeature, deleteFeature, getFeature, listFeatures, updateFeature } from './layer-store.js';
import { LAYERS } from './registry.js';
import { PROFILES, type Profile } from '../sharing/profiles.js';
import { recordChange } from '../audit/audit-log.js';
import { actorName, profileFor } from '../auth/caller.js';
import { logPartnerRead } from '../export/partner-reads.js';

export const DEFAULT_LIMIT = 1_000;
export const MAX_LIMIT = 10_000;

const NUMBER = '-?\\d+(\\.\\d+)?';
/** Left out: the most the caller's role may see (README, "Accounts"). */
export const profileParam = Type.Optional(
  Type.Enum([...PROFILES], { description: 'sharing profile: which fields, at which precision (README, "Sharing"); default: the most your role may see' }),
);
const listQuery = Type.Object(
  {
    bbox: Type.Optional(Type.String({ pattern: `^${NUMBER}(,${NUMBER}){3}$`, description: 'minLon,minLat,maxLon,maxLat (WGS84)' })),
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

/** "28.5,-2.4,29,-1.7" → numbers, refused when inverted or outside WGS84. */
export function parseBbox(text: string): number[] {
  const bbox = text.split(',').map(Number);
  const [minX, minY, maxX, maxY] = bbox as [number, number, number, number];
  if (minX < -180 || maxX > 180 || minY < -90 || maxY > 90) throw badRequest('bbox lies outside WGS84 bounds (-180,-90,180,90)');
  if (minX > maxX || minY > maxY) throw badRequest('bbox must be minLon,minLat,maxLon,maxLat with min ≤ max');
  return bbox;
}

/** A FeatureCollection sent to a one-feature endpoint gets a pointer to the importer, not a schema riddle. */
async function refuseCollections(request: { body: unknown }): Promise<void> {
  const body = request.body as { type?: unknown } | null;
  if (body && typeof body === 'object' && body.type === 'FeatureCollection') {
    throw badRequest('body must be one GeoJSON Feature (type must be one of: Feature); to load a FeatureCollection use `npm run import -- <layer> <file.geojson>`');
  }
}

function registerLayer(app: FastifyInstance, db: Database, layer: LayerDefinition): void {
  const base = `/api/${layer.name}`;
  const tags = [layer.name];

  app.get<{ Querystring: { bbox?: string; date?: string; limit: number; offset: number; profile?: Profile } }>(
    base,
    { schema: { tags, summary: `List ${layer.title.en}`, querystring: listQuery } },
    async (request, reply) => {
      const { bbox, date, limit, offset, profile } = request.query;
      const seenAs = profileFor(request, profile);
      const page = await listFeatures(db.reads, layer, { bbox: bbox ? parseBbox(bbox) : undefined, date, limit, offset, profile: seenAs });
      await logPartnerRead(db, request, { via: 'layer-api', profile: seenAs, layer: layer.name, filters: { bbox, date, limit, offset }, featureCount: page.numberReturned });
      return reply.type('application/geo+json').send(page);
    },
  );

  app.get<{ Params: { id: number }; Querystring: { date?: string; profile?: Profile } }>(
    `${base}/:id`,
    { schema: { tags, summary: `One of ${layer.title.en}`, params: idParams, querystring: oneQuery } },
    async (request, reply) => {
      const feature = await getFeature(db.reads, layer, request.params.id, request.query.date, profileFor(request, request.query.profile));
      if (!feature) throw notFound(`no ${layer.name} record with id ${request.params.id}`);
      return reply.type('application/geo+json').send(feature);
    },
  );

  app.post<{ Body: FeatureBody }>(
    base,
    { schema: { tags, summary: `Create one of ${layer.title.en}`, body: featureInputSchema(layer, 'create') }, preValidation: refuseCollections },
    async (request, reply) => {
      const feature = await db.transaction(async (tx) => {
        const created = await createFeature(tx, layer, request.body);
        await recordChange(tx, { actor: actorName(request.caller), action: 'create', layer: layer.name, recordId: Number(created.id), before: null, after: created });
        return created;
      });
      return reply.status(201).header('location', `${base}/${feature.id}`).type('application/geo+json').send(feature);
    },
  );

  app.patch<{ Params: { id: number }; Body: FeatureBody }>(
    `${base}/:id`,
    { schema: { tags, summary: `Change one of ${layer.title.en}`, params: idParams, body: featureInputSchema(layer, 'patch') } },
    async (request, reply) => {
      const feature = await db.transaction(async (tx) => {
        const before = await getFeature(tx, layer, request.params.id);
        const after = await updateFeature(tx, layer, request.params.id, request.body);
        await recordChange(tx, { actor: actorName(request.caller), action: 'update', layer: layer.name, recordId: request.params.id, before, after });
        return after;
      });
      return reply.type('application/geo+json').send(feature);
    },
  );

  app.delete<{ Params: { id: number } }>(
    `${base}/:id`,
    { schema: { tags, summary: `Delete one of ${layer.title.en}`, params: idParams } },
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
export async function layerRoutes(app: FastifyInstance, options: { db: Database }): Promise<void> {
  for (const layer of Object.values(LAYERS)) registerLayer(app, options.db, layer);

  app.get('/api/layers', { schema: { summary: 'The layers this server holds' } }, async () =>
    Object.values(LAYERS).map((layer) => ({
      name: layer.name,
      title: layer.title,
      geometryTypes: layer.geometry.types,
      properties: layer.columns.map((c) => ({ name: c.name, required: Boolean(c.required), references: c.references })),
      href: `/api/${layer.name}`,
    })),
  );
}
