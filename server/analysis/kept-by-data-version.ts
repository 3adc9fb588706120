import { LRUCache } from 'lru-cache';
import type { Queryable } from '../db/database.js';
import { readDataVersion } from '../db/data-version.js';

/** Keeps an answer for its key until the data changes (see keptByDataVersion). */
export interface KeptByDataVersion<T> {
  (db: Queryable, key: string, compute: () => Promise<T>): Promise<T>;
  /** The answer kept for `key` as the data stands now, if any: nothing is computed or waited for. */
  kept(db: Queryable, key: string): Promise<T | undefined>;
}

/**
 * Answers this instance already computed, for as long as the data they read stays as it was:
 * the cache key holds the data version (migration 007), so any write makes new keys and the
 * old answers age out, least recently used first, past `entries`. For an analysis that is
 * costly and asked again with the same parameters, as a map is panned back and forth: the
 * timeline runs the map's analyses once per distinct month, 10 to 40 of them, 1–1.6 s of CPU
 * on PGlite for the demo. Two callers asking at once wait for one computing; a failure is not
 * kept. Only for answers that do not depend on who asks.
 */
export function keptByDataVersion<T extends object>(entries: number): KeptByDataVersion<T> {
  const cache = new LRUCache<string, T, () => Promise<T>>({ max: entries, fetchMethod: (_key, _stale, { context }) => context() });
  const versioned = async (db: Queryable, key: string) => `${await readDataVersion(db)} ${key}`;
  const keep = async (db: Queryable, key: string, compute: () => Promise<T>) => (await cache.fetch(await versioned(db, key), { context: compute }))!;
  return Object.assign(keep, { kept: async (db: Queryable, key: string) => cache.get(await versioned(db, key)) });
}
