import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Queryable } from '../db/database.js';

/** Every this many counts, windows that ended long ago are deleted: a cheap sweep without a scheduler. */
const SWEEP_EVERY = 1_000;

/**
 * @fastify/rate-limit's counts in the database (table rate_limit_counts, migration 008), so
 * that several app instances behind one address count one caller once (issue 18). A fixed
 * window per key, as the library's own stores keep it: one upsert per counted request.
 */
export function databaseRateLimitStore(db: Queryable): FastifyRateLimitStoreCtor {
  let counted = 0;
  class DatabaseStore implements FastifyRateLimitStore {
    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number): void {
      countRequest(db, key, timeWindow).then(
        (result) => callback(null, result),
        (error: Error) => callback(error),
      );
      if (++counted % SWEEP_EVERY === 0) {
        db.query(`DELETE FROM rate_limit_counts WHERE window_start < now() - interval '1 day'`).catch(() => {
          // A failed sweep is retried by the next one; the request it rode on is not concerned.
        });
      }
    }

    // Route limits (sign-in) use keys of their own (`login:…`), so one store serves every route.
    child(): FastifyRateLimitStore {
      return this;
    }
  }
  return DatabaseStore;
}

/** Counts one request for `key`; a window that has run out starts again at 1. */
async function countRequest(db: Queryable, key: string, windowMs: number): Promise<{ current: number; ttl: number }> {
  const [row] = await db.query<{ current: number; ttl: number }>(
    `INSERT INTO rate_limit_counts AS c (key, window_start, hits) VALUES ($1, clock_timestamp(), 1)
     ON CONFLICT (key) DO UPDATE SET
       hits = CASE WHEN c.window_start + make_interval(secs => $2::float8 / 1000) <= clock_timestamp() THEN 1 ELSE c.hits + 1 END,
       window_start = CASE WHEN c.window_start + make_interval(secs => $2::float8 / 1000) <= clock_timestamp() THEN clock_timestamp() ELSE c.window_start END
     RETURNING hits AS current,
               greatest(0, ceil(extract(epoch FROM window_start + make_interval(secs => $2::float8 / 1000) - clock_timestamp()) * 1000))::int AS ttl`,
    [key, windowMs],
  );
  return row!;
}
