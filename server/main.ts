import { pino } from 'pino';
import { buildApp } from './app.js';
import { countAccounts, countEnabledAdmins } from './auth/accounts.js';
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
  const logger = logOptions(config.logLevel);
  // Fastify makes its own logger from the same options; this one reports the pool's lost connections, which start before the app.
  const db = await openDatabase({ ...config, log: pino(logger) });
  const migration = await migrate(db);
  console.log(`Schema at migration ${migration.version}${migration.applied.length ? ` (applied ${migration.applied.join(', ')})` : ''}.`);
  if (config.demo) {
    const refusal = demoModeProblem(config, await countAccounts(db));
    if (refusal) {
      await db.close();
      throw new Error(refusal);
    }
  }
  if (config.loadDemo && (await isEmpty(db))) {
    console.log('Empty database: loading the demo data (CAMI zones, IPIS visits, illustrative Bitale scenario)…');
    await loadDemoData(db, undefined, (line) => console.log(`  ${line}`));
  }
  const app = await buildApp({
    db,
    logger,
    trustProxy: config.trustProxy,
    publicUrl: config.publicUrl,
    loadShedding: config.loadShedding,
    analysisLimits: config.analysisLimits,
    homeProvince: config.homeProvince,
    tileCacheMb: config.tileCacheMb,
    tileWarmZoom: config.tileWarmZoom,
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
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  if (config.demo) {
    console.log(
      `DEMO MODE: no sign-in; every visitor acts as an admin named "demo". For the demo data on ${config.host} only — use \`npm run serve\` with accounts for real data.`,
    );
  } else {
    if ((await countEnabledAdmins(db)) === 0)
      console.log('No admin account yet: create one with `npm run accounts -- create <username> --role admin` (README, "Accounts").');
  }
  console.log(`Kivu mining risk map ready: http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}/`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
