import type { FastifyInstance } from 'fastify';
import type { Database } from './db/database.js';
import { DATABASE_RETRY_SECONDS } from './db/database-errors.js';
import { schemaVersion } from './db/migrate.js';
import { postgisVersion } from './db/postgis-version.js';
import { HttpError } from './http/errors.js';

/** Longest a readiness check waits for the database: a probe that hangs would tell its caller nothing. */
export const READY_TIMEOUT_MS = 2_000;

class TimedOut extends Error {}

function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimedOut()), ms);
  });
  // The losing query still settles later; its failure is nobody's to handle.
  work.catch(() => {});
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Liveness (`/api/health`): the process is up and answers, without touching the database, so
 * that a database outage never gets a healthy process restarted. Readiness
 * (`/api/health/ready`): the database answers a short query in time, so traffic may come.
 * Both are open to anyone; neither names a host, a user or an error from the driver.
 */
export async function healthRoutes(app: FastifyInstance, options: { db: Database }): Promise<void> {
  const { db } = options;

  app.get('/api/health', { schema: { summary: 'Liveness: the process is up (the database is not asked)' } }, async () => ({ status: 'ok', database: db.kind }));

  app.get('/api/health/ready', { schema: { summary: 'Readiness: the database answers; 503 with Retry-After when it does not' } }, async (request) => {
    try {
      const [postgis, migration] = await within(Promise.all([postgisVersion(db), schemaVersion(db)]), READY_TIMEOUT_MS);
      return { status: 'ok', database: db.kind, postgis, migration };
    } catch (error) {
      const what = error instanceof TimedOut ? `did not answer within ${READY_TIMEOUT_MS / 1000} s` : 'cannot be reached';
      request.log.warn({ err: error }, `not ready: the database ${what}`);
      throw new HttpError(503, `not ready: the database ${what}; try again in a few seconds`, undefined, { 'retry-after': String(DATABASE_RETRY_SECONDS) });
    }
  });
}
