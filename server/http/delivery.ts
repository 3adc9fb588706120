import { constants } from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Answers smaller than this go uncompressed: the headers would outweigh the saving. */
export const COMPRESS_THRESHOLD = 1024;
/** Level 4 of 11: within a few percent of the best size for JSON, at a fraction of the time. */
export const BROTLI_OPTIONS = { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } };

/**
 * How answers travel (issue 13): field users are on slow links. Dynamic answers (JSON,
 * GeoJSON, CSV, tiles) are compressed on the fly with brotli at a fast level or gzip (a kept
 * tile once, with it: tiles/tile-encodings.ts); the built files are compressed once at build
 * time (web/vite.config.ts) and served as they are.
 */
export async function installCompression(app: FastifyInstance): Promise<void> {
  await app.register(fastifyCompress, {
    encodings: ['br', 'gzip'],
    threshold: COMPRESS_THRESHOLD,
    brotliOptions: BROTLI_OPTIONS,
    customTypes: /^(text\/|application\/(json|geo\+json|javascript|vnd\.mapbox-vector-tile|[\w.-]+\+json)|image\/svg\+xml)/,
  });
}

/** A year: Vite names every built asset by its content's hash, so a new build means new names. */
export const IMMUTABLE_ASSET = 'public, max-age=31536000, immutable';

/**
 * The built web app: `/assets/*` forever (hash-named), the pages revalidated on every visit
 * so that a new build is seen at once. `.br`/`.gz` siblings are sent where the browser accepts them.
 */
export async function serveWebApp(app: FastifyInstance, root: string): Promise<void> {
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, path) => {
      reply.header('cache-control', /[\\/]assets[\\/]/.test(path) ? IMMUTABLE_ASSET : 'no-cache');
    },
  });
}
