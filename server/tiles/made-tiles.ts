import { LRUCache } from 'lru-cache';

/** A tile as made once: its bytes, and how many features it holds (the partner read log counts them). */
export interface MadeTile {
  body: Uint8Array;
  features: number;
}

/** TILE_CACHE_MB's default: a crowded zoom-7 tile is 10–20 KB, so thousands of tiles. */
export const DEFAULT_TILE_CACHE_MB = 64;

/**
 * Tiles already made by this instance, shared by every caller who may see the same tile: the
 * key holds the tile's ETag (data version, profile, day) and its address and date, so a tile is
 * never given to a profile it was not cut for, and a change to the data makes new keys (the old
 * ones age out). Two callers asking for the same tile at once wait for one making of it. A
 * crowded tile over 100 000 records costs the database 50–150 ms; a tile from here, nothing.
 * Least recently used tiles go first once the cache holds `megabytes`; 0 keeps none.
 */
export function madeTiles(megabytes: number): (key: string, make: () => Promise<MadeTile>) => Promise<MadeTile> {
  if (megabytes <= 0) return (_key, make) => make();
  const cache = new LRUCache<string, MadeTile, () => Promise<MadeTile>>({
    maxSize: megabytes * 1024 * 1024,
    // The key and the entry's own bookkeeping count too: an empty tile is not free.
    sizeCalculation: (tile, key) => tile.body.byteLength + key.length + 64,
    fetchMethod: (_key, _stale, { context }) => context(),
  });
  return async (key, make) => (await cache.fetch(key, { context: make }))!;
}
