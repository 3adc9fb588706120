import type { FastifyInstance } from 'fastify';
import { testLogger } from './test-logger.js';
import { buildApp } from '../../server/app.js';
import type { AuthOptions } from '../../server/auth/auth-hooks.js';
import type { Database } from '../../server/db/database.js';
import { openTestDatabase } from './test-database.js';

export interface TestApp {
  app: FastifyInstance;
  db: Database;
  close(): Promise<void>;
}

/**
 * The real app on a test database of its own, for `inject`. In the local demo mode unless
 * told otherwise: most tests are about data, not about who asks (tests/auth/ is about that).
 */
export async function openTestApp(auth: AuthOptions = { demo: true }): Promise<TestApp> {
  const db = await openTestDatabase();
  const app = await buildApp({ db, webRoot: '/nonexistent', auth, logger: testLogger() });
  return {
    app,
    db,
    async close() {
      await app.close();
      await db.close();
    },
  };
}

/** How many rows a table holds: "nothing was written" is checked with this. */
export async function countRows(db: Database, table: string): Promise<number> {
  const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return row!.n;
}
