import { promisify } from 'node:util';
import { brotliCompress, gzip } from 'node:zlib';
import negotiate from '@fastify/accept-negotiator';
import type { FastifyRequest } from 'fastify';
import { BROTLI_OPTIONS, COMPRESS_THRESHOLD } from '../http/delivery.js';

export const TILE_ENCODINGS = ['br', 'gzip'] as const;
export type TileEncoding = (typeof TILE_ENCODINGS)[number];
export type EncodedTile = Record<TileEncoding, Uint8Array>;

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/**
 * A kept tile's body compressed once, as the compression plugin would (delivery.ts): a kept
 * tile is sent many times, and compressed on each answer it queued in libuv's thread pool
 * behind the chunks of a view's large analysis answers (the tiles' "waiting" in npm run
 * bench:map). Undefined for a body the plugin would not compress.
 */
export async function encodeTile(body: Uint8Array): Promise<EncodedTile | undefined> {
  if (body.byteLength < COMPRESS_THRESHOLD) return undefined;
  const [br, gz] = await Promise.all([brotli(body, BROTLI_OPTIONS), gzipped(body)]);
  return { br, gzip: gz };
}

/** The encoding the caller prefers among those kept (Accept-Encoding, with its q-values), if any. */
export function acceptedTileEncoding(request: FastifyRequest): TileEncoding | undefined {
  const header = request.headers['accept-encoding'];
  return (header && negotiate(header, [...TILE_ENCODINGS])) || undefined;
}
