import { buildApp } from './app.js';
import { logOptions } from './http/logging.js';
import { configFromEnv, demoModeProblem } from './config.js';
import { migrate } from './db/migrate.js';
import { openDatabase } from './db/open-database.js';
import { isEmpty, loadDemoData } from './demo/load-demo.js';

/** Starts the app: check the mode, open the database, migrate, load the demo data on first start, listen. */
async function main(): Promise<void> {
  const config = configFromEnv(process.env, process.argv.slice(2));
  const problem = demoModeProblem(config);
  if (problem) throw new Error(problem);
  const where = config.databaseUrl ? 'PostgreSQL server (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`;
  console.log(`Opening the database: ${where}…`);
  const db = await openDatabase(config);
  const migration = await migrate(db);
  console.log(`Schema at migration ${migration.version}${migration.applied.length ? ` (applied ${migration.applied.join(', ')})` : ''}.`);
  if (config.demo) {
    const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM accounts`);
    const refusal = demoModeProblem(config, row?.n ?? 0);
    if (refusal) {
      await db.close();
      throw new Error(refusal);
    }
  }
  if (process.env.LOAD_DEMO !== '0' && (await isEmpty(db))) {
    console.log('Empty database: loading the demo data (CAMI zones, IPIS visits, illustrative Bitale scenario)…');
    await loadDemoData(db, undefined, (line) => console.log(`  ${line}`));
  }
  const app = await buildApp({
    db,
    logger: logOptions(process.env.LOG_LEVEL ?? 'warn'),
    trustProxy: config.trustProxy,
    publicUrl: config.publicUrl,
    loadShedding: config.loadShedding,
    analysisLimits: config.analysisLimits,
    auth: {
      demo: config.demo,
      loginPerMinute: config.loginPerMinute,
      tokenRequestsPerMinute: config.tokenRequestsPerMinute,
      sessionRequestsPerMinute: config.sessionRequestsPerMinute,
      metricsToken: config.metricsToken,
    },
  });
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
  if (config.demo) {
    console.log(`DEMO MODE: no sign-in; every visitor acts as an admin named "demo". For the demo data on ${config.host} only — use \`npm run serve\` with accounts for real data.`);
  } else {
    const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM accounts WHERE role = 'admin' AND disabled_at IS NULL`);
    if (!row?.n) console.log('No admin account yet: create one with `npm run accounts -- create <username> --role admin` (README, "Accounts").');
  }
  console.log(`Kivu mining risk map ready: http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}/`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
