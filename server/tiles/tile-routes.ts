import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Database } from '../db/database.js';
import { notFound } from '../http/errors.js';
import { today } from '../http/today.js';
import { DATE } from '../http/date-param.js';
import { LAYER_NAMES, type LayerName } from '../layers/layer-definition.js';
import { LAYERS } from '../layers/registry.js';
import { profileParam } from '../layers/layer-routes.js';
import { profileFor } from '../auth/caller.js';
import { logPartnerRead } from '../export/partner-reads.js';
import type { Profile } from '../sharing/profiles.js';
import { readDataVersion } from '../db/data-version.js';
import { serverTiming } from '../http/server-timing.js';
import { buildTile } from './build-tile.js';
import { tileKey, type MadeTiles } from './made-tiles.js';
import { acceptedTileEncoding } from './tile-encodings.js';
import { MAX_TILE_ZOOM, TILE_EXTENT, tileAddress } from './tile-address.js';
import { matchesTag, setTileHeaders, tileTag } from './tile-cache.js';
import { CELL_UNITS, MAX_TILE_RECORDS, SMALL_UNITS } from './tile-sql.js';

/** Mapbox Vector Tile 2.1, as MapLibre, QGIS and GDAL read it. */
export const MVT_TYPE = 'application/vnd.mapbox-vector-tile';

const tileParams = Type.Object({
  layer: Type.String({ maxLength: 40, description: `one of ${LAYER_NAMES.join(', ')}` }),
  z: Type.Integer({ minimum: 0, maximum: MAX_TILE_ZOOM }),
  x: Type.Integer({ minimum: 0 }),
  y: Type.Integer({ minimum: 0 }),
});
const tileQuery = Type.Object(
  {
    date: Type.Optional({ ...DATE, description: 'as-of date: only records in force on that day' }),
    profile: profileParam,
    v: Type.Optional(
      Type.String({ maxLength: 40, description: 'the data version from /tiles, so that a browser fetches a tile again after the data changed; not read' }),
    ),
  },
  { additionalProperties: false },
);

/**
 * Vector tiles of every layer (issue 13), cut by the same sharing profile and access rules as
 * the layer API: `GET /tiles/{layer}/{z}/{x}/{y}.mvt?date=`. `GET /tiles` says what there is.
 */
export async function tileRoutes(app: FastifyInstance, options: { db: Database; made: MadeTiles }): Promise<void> {
  const { db, made } = options;

  app.get('/tiles', { schema: { tags: ['tiles'], summary: 'The vector tile layers, their zooms and the current data version' } }, async () => ({
    version: await readDataVersion(db.reads),
    template: '/tiles/{layer}/{z}/{x}/{y}.mvt',
    layers: LAYER_NAMES.map((name) => ({ name, title: LAYERS[name].title, minzoom: 0, maxzoom: MAX_TILE_ZOOM })),
    extent: TILE_EXTENT,
    cells: { aboveRecords: MAX_TILE_RECORDS, cellUnits: CELL_UNITS, smallerThanUnits: SMALL_UNITS, property: 'cell_count' },
  }));

  app.get<{ Params: { layer: string; z: number; x: number; y: number }; Querystring: { date?: string; profile?: Profile } }>(
    '/tiles/:layer/:z/:x/:y.mvt',
    {
      schema: {
        tags: ['tiles'],
        summary: 'One vector tile of a layer, as the caller may see it',
        description: `A tile over more than ${MAX_TILE_RECORDS} records shows its points, and its shapes narrower than ${SMALL_UNITS} of ${TILE_EXTENT} units, as one point per cell of ${CELL_UNITS} units with their number in \`cell_count\`; larger shapes stay whole.`,
        params: tileParams,
        querystring: tileQuery,
      },
    },
    async (request, reply) => {
      const { layer, z, x, y } = request.params;
      if (!(LAYER_NAMES as readonly string[]).includes(layer)) throw notFound(`no layer '${layer}': the layers are ${LAYER_NAMES.join(', ')}`);
      const tile = tileAddress(z, x, y);
      const profile = profileFor(request, request.query.profile);
      const timing = serverTiming(reply);
      const tag = tileTag(await timing.of('version', readDataVersion(db.reads)), profile, today());
      setTileHeaders(reply, tag);
      if (matchesTag(request, tag)) return reply.status(304).send();
      const { date } = request.query;
      const { tile: madeTile, kept } = await timing.of(
        'tile',
        made(tileKey(tag, layer, tile, date), () => buildTile(db.reads, LAYERS[layer as LayerName], { tile, profile, date })),
      );
      const { features, encoded } = madeTile;
      // Whether the tile was made for this request or already made (for another caller, or ahead: tile-warmer.ts).
      reply.header('x-tile-cache', kept ? 'hit' : 'miss');
      await logPartnerRead(db, request, { via: 'tiles', profile, layer, filters: { z, x, y, date }, featureCount: features });
      // Compressed once with the tile in the cache (made-tiles.ts); else (no cache, or under 1 KB) by the
      // compression plugin on the way out (delivery.ts), which leaves an answer already encoded as it is.
      const encoding = encoded && acceptedTileEncoding(request);
      if (encoding) reply.header('content-encoding', encoding);
      const body = encoding ? encoded[encoding] : madeTile.body;
      return reply.type(MVT_TYPE).send(Buffer.from(body.buffer, body.byteOffset, body.byteLength));
    },
  );
}
