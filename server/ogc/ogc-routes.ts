import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Database } from '../db/database.js';
import { logPartnerRead } from '../export/partner-reads.js';
import { notFound } from '../http/errors.js';
import type { LayerDefinition, LayerName } from '../layers/layer-definition.js';
import { LAYERS } from '../layers/registry.js';
import type { Profile } from '../sharing/profiles.js';
import { profileFor } from '../auth/caller.js';
import { collectionDocument, preferredLanguage } from './collections.js';
import { itemsPage, oneItem } from './items.js';
import { conformance, landingPage } from './landing.js';
import { GEOJSON_TYPE, JSON_TYPE, OGC_PREFIX, OPENAPI_TYPE, link, ogcBase as ogcBaseFor, ogcUrl } from './ogc-links.js';
import { ogcApiDefinition } from './openapi.js';
import { DEFAULT_PROFILE, checkQueryNames, itemsQuery, metadataQuery, type ItemsQuery } from './ogc-query.js';

interface MetadataQuery {
  profile?: Profile;
  f?: string;
}

const tags = ['OGC API - Features'];
const layerNames = Object.keys(LAYERS).join(', ');
const collectionParams = Type.Object({ collectionId: Type.String({ description: `a layer: ${layerNames}` }) });
const featureParams = Type.Object({
  collectionId: Type.String({ description: `a layer: ${layerNames}` }),
  featureId: Type.String({ description: 'the feature id (a positive integer)' }),
});

function layerOf(collectionId: string): LayerDefinition {
  if (!Object.hasOwn(LAYERS, collectionId)) throw notFound(`no collection '${collectionId}': the collections are ${layerNames}`);
  return LAYERS[collectionId as LayerName];
}

/** Links pass on the profile the client named, and only that: the default needs no saying. */
const carried = (query: MetadataQuery) => ({ profile: query.profile });

const json = (reply: FastifyReply, body: unknown) => reply.type(JSON_TYPE).send(body);

/**
 * OGC API - Features - Part 1: Core at /ogc, for QGIS, ArcGIS and GDAL (`OAPIF:`): every layer
 * is a collection, read through the layer store with a sharing profile (default public).
 */
export async function ogcRoutes(app: FastifyInstance, options: { db: Database; publicUrl?: string }): Promise<void> {
  const { db } = options;
  const ogcBase = (request: FastifyRequest) => ogcBaseFor(request, options.publicUrl);
  app.addHook('preValidation', checkQueryNames);

  const landing = async (request: FastifyRequest<{ Querystring: MetadataQuery }>, reply: FastifyReply) =>
    json(reply, landingPage(ogcBase(request), carried(request.query)));
  app.get(OGC_PREFIX, { schema: { tags, summary: 'Landing page', querystring: metadataQuery } }, landing);
  // Users paste the landing page with a trailing slash as often as without; both are the same resource.
  app.get(`${OGC_PREFIX}/`, { schema: { hide: true, querystring: metadataQuery } }, landing);

  app.get(`${OGC_PREFIX}/conformance`, { schema: { tags, summary: 'Conformance classes implemented', querystring: metadataQuery } }, async (_request, reply) =>
    json(reply, conformance()),
  );

  app.get<{ Querystring: MetadataQuery }>(
    `${OGC_PREFIX}/api`,
    { schema: { tags, summary: 'This API definition (OpenAPI 3.0)', querystring: metadataQuery } },
    // With the charset given, Fastify leaves the type as written; it would otherwise re-serialise it as
    // `version="3.0"`, which GDAL does not recognise as the OpenAPI media type.
    async (request, reply) => reply.type(`${OPENAPI_TYPE};charset=utf-8`).send(ogcApiDefinition(app.swagger() as Record<string, unknown>, ogcBase(request))),
  );

  app.get<{ Querystring: MetadataQuery }>(
    `${OGC_PREFIX}/collections`,
    { schema: { tags, summary: 'The layers as feature collections', querystring: metadataQuery } },
    async (request, reply) => {
      const base = ogcBase(request);
      const language = preferredLanguage(request.headers['accept-language']);
      const profile = profileFor(request, request.query.profile, DEFAULT_PROFILE);
      const collections = [];
      for (const layer of Object.values(LAYERS)) collections.push(await collectionDocument(db.reads, layer, base, profile, language, carried(request.query)));
      reply.header('content-language', language).header('vary', 'Accept-Language');
      // /req/core/fc-md-success, /req/core/fc-md-links, /req/core/fc-md-items.
      return json(reply, { links: [link(ogcUrl(base, '/collections', carried(request.query)), 'self', JSON_TYPE, 'the collections')], collections });
    },
  );

  app.get<{ Params: { collectionId: string }; Querystring: MetadataQuery }>(
    `${OGC_PREFIX}/collections/:collectionId`,
    { schema: { tags, summary: 'One layer as a feature collection', params: collectionParams, querystring: metadataQuery } },
    async (request, reply) => {
      const layer = layerOf(request.params.collectionId);
      const language = preferredLanguage(request.headers['accept-language']);
      const profile = profileFor(request, request.query.profile, DEFAULT_PROFILE);
      const collection = await collectionDocument(db.reads, layer, ogcBase(request), profile, language, carried(request.query));
      reply.header('content-language', language).header('vary', 'Accept-Language');
      return json(reply, collection);
    },
  );

  app.get<{ Params: { collectionId: string }; Querystring: ItemsQuery }>(
    `${OGC_PREFIX}/collections/:collectionId/items`,
    { schema: { tags, summary: 'Features of a layer, a page at a time', params: collectionParams, querystring: itemsQuery } },
    async (request, reply) => {
      const layer = layerOf(request.params.collectionId);
      const profile = profileFor(request, request.query.profile, DEFAULT_PROFILE);
      const page = await itemsPage(db.reads, layer, ogcBase(request), request.query, profile);
      const { bbox, datetime, limit, offset } = request.query;
      await logPartnerRead(db, request, {
        via: 'ogc',
        profile,
        layer: layer.name,
        filters: { bbox, datetime, limit, offset },
        featureCount: page.numberReturned,
      });
      return reply.type(GEOJSON_TYPE).send(page);
    },
  );

  app.get<{ Params: { collectionId: string; featureId: string }; Querystring: MetadataQuery }>(
    `${OGC_PREFIX}/collections/:collectionId/items/:featureId`,
    { schema: { tags, summary: 'One feature', params: featureParams, querystring: metadataQuery } },
    async (request, reply) => {
      const layer = layerOf(request.params.collectionId);
      const { featureId } = request.params;
      const feature = await oneItem(
        db.reads,
        layer,
        ogcBase(request),
        featureId,
        profileFor(request, request.query.profile, DEFAULT_PROFILE),
        carried(request.query),
      );
      return reply.type(GEOJSON_TYPE).send(feature);
    },
  );
}
