import { buildApp } from './app.js';
import { configFromEnv } from './config.js';
import { migrate } from './db/migrate.js';
import { openDatabase } from './db/open-database.js';
import { isEmpty, loadDemoData } from './demo/load-demo.js';

/** Starts the app: open the database, migrate, load the demo data on first start, listen. */
async function main(): Promise<void> {
  const config = configFromEnv();
  const where = config.databaseUrl ? 'PostgreSQL server (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`;
  console.log(`Opening the database: ${where}…`);
  const db = await openDatabase(config);
  const migration = await migrate(db);
  console.log(`Schema at migration ${migration.version}${migration.applied.length ? ` (applied ${migration.applied.join(', ')})` : ''}.`);
  if (process.env.LOAD_DEMO !== '0' && (await isEmpty(db))) {
    console.log('Empty database: loading the demo data (CAMI zones, IPIS visits, illustrative Bitale scenario)…');
    await loadDemoData(db, undefined, (line) => console.log(`  ${line}`));
  }
  const app = await buildApp({ db, logger: { level: process.env.LOG_LEVEL ?? 'warn' } });
  const shutdown = async () => {
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  console.log(`Kivu mining risk map ready: http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}/`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
