import { mkdirSync, writeFileSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { migrate } from '../../server/db/migrate.js';
import { openPglite } from '../../server/db/pglite.js';
import { openPostgres } from '../../server/db/postgres.js';
import { PGLITE_TEMPLATE, SERVER_TEMPLATE_DB, withDatabase } from './test-database.js';

/**
 * Migrates once, then every test file clones the result: on the server a
 * `CREATE DATABASE … TEMPLATE`, embedded a dumped PGlite data folder (2 s instead of 10).
 */
export default async function setup(project: TestProject): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const admin = openPostgres(url);
    await admin.exec(`DROP DATABASE IF EXISTS ${SERVER_TEMPLATE_DB} WITH (FORCE)`);
    await admin.exec(`CREATE DATABASE ${SERVER_TEMPLATE_DB}`);
    await admin.close();
    const template = openPostgres(withDatabase(url, SERVER_TEMPLATE_DB));
    await migrate(template);
    await template.close();
    console.log(`tests run on the PostgreSQL server (${new URL(url).host}), template database ${SERVER_TEMPLATE_DB}`);
  } else {
    const db = await openPglite();
    await migrate(db);
    mkdirSync(new URL('.', PGLITE_TEMPLATE), { recursive: true });
    writeFileSync(PGLITE_TEMPLATE, Buffer.from(await (await db.dump()).arrayBuffer()));
    await db.close();
    console.log('tests run on embedded PGlite (set DATABASE_URL to run them on a PostgreSQL server)');
  }
  project.provide('databaseKind', url ? 'postgres' : 'pglite');
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseKind: 'postgres' | 'pglite';
  }
}
