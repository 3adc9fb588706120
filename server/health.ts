import type { FastifyInstance } from 'fastify';
import type { Database } from './db/database.js';
import { schemaVersion } from './db/migrate.js';

/** Liveness and what the app runs on: database kind, PostGIS version, migration level. */
export async function healthRoutes(app: FastifyInstance, options: { db: Database }): Promise<void> {
  app.get('/api/health', { schema: { summary: 'Health and database status' } }, async () => {
    const { db } = options;
    const [row] = await db.query<{ postgis: string }>('SELECT postgis_lib_version() AS postgis');
    return { status: 'ok', database: db.kind, postgis: row?.postgis, migration: await schemaVersion(db) };
  });
}
