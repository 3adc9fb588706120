import { LRUCache } from 'lru-cache';
import type { Queryable } from '../db/database.js';
import { readDataVersion } from '../db/data-version.js';
import { isStoppedWork } from '../db/statement-timeout.js';

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
 * kept, and a caller who waited on another's computing that was stopped (that caller went away,
 * or its statement ran out of time) computes its own. Only for answers that do not depend on who asks.
 */
export function keptByDataVersion<T extends object>(entries: number): KeptByDataVersion<T> {
  const cache = new LRUCache<string, T, () => Promise<T>>({ max: entries, fetchMethod: (_key, _stale, { context }) => context() });
  const versioned = async (db: Queryable, key: string) => `${await readDataVersion(db)} ${key}`;
  const keep = async (db: Queryable, key: string, compute: () => Promise<T>) => {
    const at = await versioned(db, key);
    const status: LRUCache.Status<string, T, () => Promise<T>> = {};
    try {
      return (await cache.fetch(at, { context: compute, status }))!;
    } catch (error) {
      // The computing was another request's, on its transaction and under its client's signal (analysis-limits.ts).
      if (status.fetch !== 'inflight' || !isStoppedWork(error)) throw error;
      return (await cache.fetch(at, { context: compute }))!;
    }
  };
  return Object.assign(keep, { kept: async (db: Queryable, key: string) => cache.get(await versioned(db, key)) });
}
