import { LRUCache } from 'lru-cache';
import type { TileAddress } from './tile-address.js';
import { encodeTile, type EncodedTile } from './tile-encodings.js';

/** A tile as made once: its bytes, and how many features it holds (the partner read log counts them). */
export interface MadeTile {
  body: Uint8Array;
  features: number;
  /** Its bytes compressed once, where the cache keeps tiles and the tile is large enough to compress (tile-encodings.ts). */
  encoded?: EncodedTile;
}

/** A tile, and whether it was already made (kept, or being made for another caller) rather than made for this one. */
export interface KeptTile {
  tile: MadeTile;
  kept: boolean;
}

export type MadeTiles = (key: string, make: () => Promise<MadeTile>) => Promise<KeptTile>;

/** TILE_CACHE_MB's default: a crowded zoom-7 tile is 10–20 KB, so thousands of tiles. */
export const DEFAULT_TILE_CACHE_MB = 64;

/** A tile's key: its ETag (data version, profile, day; tile-cache.ts), its layer and address, and the date asked. */
export function tileKey(tag: string, layer: string, tile: TileAddress, date: string | undefined): string {
  return `${tag} ${layer}/${tile.z}/${tile.x}/${tile.y} ${date ?? ''}`;
}

/**
 * Tiles already made by this instance, shared by every caller who may see the same tile: the
 * key (tileKey) holds the tile's ETag, so a tile is never given to a profile it was not cut for,
 * and a change to the data makes new keys (the old ones age out). Two callers asking for the
 * same tile at once wait for one making of it. A crowded tile over 100 000 records costs the
 * database 50–150 ms; a tile from here, nothing. Least recently used tiles go first once the
 * cache holds `megabytes`; 0 keeps none.
 */
export function madeTiles(megabytes: number): MadeTiles {
  if (megabytes <= 0) return async (_key, make) => ({ tile: await make(), kept: false });
  const cache = new LRUCache<string, MadeTile, () => Promise<MadeTile>>({
    maxSize: megabytes * 1024 * 1024,
    // The key and the entry's own bookkeeping count too: an empty tile is not free.
    sizeCalculation: (tile, key) => tile.body.byteLength + (tile.encoded ? tile.encoded.br.byteLength + tile.encoded.gzip.byteLength : 0) + key.length + 64,
    fetchMethod: async (_key, _stale, { context }) => {
      const tile = await context();
      // Exact-size copies: the driver's and zlib's buffers can be views into slabs of 8–16 KB, which the size above would not count.
      const body = new Uint8Array(tile.body);
      const encoded = await encodeTile(body);
      return { ...tile, body, encoded: encoded && { br: new Uint8Array(encoded.br), gzip: new Uint8Array(encoded.gzip) } };
    },
  });
  return async (key, make) => {
    const status: LRUCache.Status<string, MadeTile, () => Promise<MadeTile>> = {};
    const tile = (await cache.fetch(key, { context: make, status }))!;
    return { tile, kept: status.fetch === 'hit' || status.fetch === 'inflight' };
  };
}
