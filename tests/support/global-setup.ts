import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { migrate } from '../../server/db/migrate.js';
import { openPglite } from '../../server/db/pglite.js';
import { openPostgres } from '../../server/db/postgres.js';
import type { Database } from '../../server/db/database.js';
import { PGLITE_TEMPLATE, withDatabase } from './test-database.js';
import { clearFinishedRuns, scanTestLogs } from './log-scan.js';
import { takeDemoSnapshot, type DemoSnapshot } from './demo-seed.js';
import { RUN_VARIABLE } from './test-logger.js';

/**
 * Migrates once, then every test file clones the result: on the server a
 * `CREATE DATABASE … TEMPLATE`, embedded a dumped PGlite data folder (2 s instead of 10).
 * The api and browser projects both name this setup; the database is prepared once per run
 * (the first call), and only that call's teardown drops it and checks the logs.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const kind = process.env.DATABASE_URL ? 'postgres' : 'pglite';
  project.provide('databaseKind', kind);
  const shared = globalThis as { [PREPARED]?: Promise<Prepared> };
  const first = shared[PREPARED] === undefined;
  shared[PREPARED] ??= prepare();
  const { template, demo, teardown } = await shared[PREPARED];
  if (kind === 'postgres') project.provide('serverTemplate', template);
  project.provide('demoSnapshot', demo);
  return first ? teardown : async () => undefined;
}

interface Prepared {
  template: string;
  /** The demo's rows for seedDemo, loaded once per run rather than once per worker. */
  demo: DemoSnapshot;
  teardown: () => Promise<void>;
}

const PREPARED = Symbol.for('riskmap.test-database-prepared');

async function prepare(): Promise<Prepared> {
  const run = startLogRun();
  const url = process.env.DATABASE_URL;
  if (url) {
    // One template per run, so that two runs against one server (CI beside a developer) never
    // drop each other's template.
    const templateDb = `riskmap_test_template_${process.pid}`;
    const admin = openPostgres(url);
    await admin.exec(`DROP DATABASE IF EXISTS ${templateDb} WITH (FORCE)`);
    await admin.exec(`CREATE DATABASE ${templateDb}`);
    const template = openPostgres(withDatabase(url, templateDb));
    await migrate(template);
    await template.close();
    const demoDb = `${templateDb}_demo`;
    await admin.exec(`CREATE DATABASE ${demoDb} TEMPLATE ${templateDb}`);
    // Dropped even when the load fails: the name holds this run's pid, so no later run would.
    const demo = await withClosed(openPostgres(withDatabase(url, demoDb)), takeDemoSnapshot).finally(() =>
      admin.exec(`DROP DATABASE IF EXISTS ${demoDb} WITH (FORCE)`),
    );
    // Some tests compare the server's answers with the embedded database's (issue 12).
    await preparePgliteTemplate();
    console.log(`tests run on the PostgreSQL server (${new URL(url).host}), template database ${templateDb}`);
    return {
      template: templateDb,
      demo,
      teardown: async () => {
        await admin.exec(`DROP DATABASE IF EXISTS ${templateDb} WITH (FORCE)`);
        await admin.close();
        assertLogsClean(run);
      },
    };
  }
  await preparePgliteTemplate();
  const demo = await withClosed(await openPglite({ loadDataDir: new Blob([readFileSync(PGLITE_TEMPLATE)]) }), takeDemoSnapshot);
  console.log('tests run on embedded PGlite (set DATABASE_URL to run them on a PostgreSQL server)');
  return { template: '', demo, teardown: async () => assertLogsClean(run) };
}

async function withClosed<T>(db: Database, work: (db: Database) => Promise<T>): Promise<T> {
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

/**
 * Migrating a new PGlite takes 10–15 s here (most of it creating PostGIS), so the dump is kept
 * between runs under a key of everything that shapes it: the migrations, the code that applies
 * them and the PGlite packages. A fresh clone (CI) builds it once.
 */
async function preparePgliteTemplate(): Promise<void> {
  const keyFile = new URL('pglite-template.key', PGLITE_TEMPLATE);
  const key = templateKey();
  if (existsSync(PGLITE_TEMPLATE) && existsSync(keyFile) && readFileSync(keyFile, 'utf8') === key) return;
  const db = await openPglite();
  await migrate(db);
  mkdirSync(new URL('.', PGLITE_TEMPLATE), { recursive: true });
  writeFileSync(PGLITE_TEMPLATE, Buffer.from(await (await db.dump()).arrayBuffer()));
  writeFileSync(keyFile, key);
  await db.close();
}

function templateKey(): string {
  const hash = createHash('sha256');
  const root = new URL('../../', import.meta.url);
  const migrations = new URL('migrations/', root);
  for (const name of readdirSync(migrations).sort()) hash.update(name).update(readFileSync(new URL(name, migrations)));
  for (const file of ['server/db/migrate.ts', 'server/db/pglite.ts', 'package-lock.json']) hash.update(file).update(readFileSync(new URL(file, root)));
  return hash.digest('hex');
}

/** One log folder for the whole run: the first project's setup names it, in the main process, before any worker starts. */
function startLogRun(): string {
  if (!process.env[RUN_VARIABLE]) {
    clearFinishedRuns();
    process.env[RUN_VARIABLE] = `run-${process.pid}`;
  }
  return process.env[RUN_VARIABLE];
}

/** Fails the run when its logs hold a secret (tests/support/log-scan.ts). */
function assertLogsClean(run: string): void {
  const { lines, leaks } = scanTestLogs(run);
  if (leaks.length) {
    const shown = leaks.slice(0, 5).map((leak) => `- ${leak.what}, in ${leak.file}:\n  ${leak.line.slice(0, 400)}`);
    throw new Error(`the test run's logs hold ${leaks.length} secret(s):\n${shown.join('\n')}`);
  }
  // Files that start no app log nothing; a whole run that logged nothing would prove nothing.
  console.log(
    `logs of the run searched for secrets: ${lines} lines, none found${lines === 0 ? ' (no test app logged anything: was the log folder removed during the run?)' : ''}`,
  );
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseKind: 'postgres' | 'pglite';
    serverTemplate: string;
  }
}
