import pg from 'pg';
import type { Database, Queryable } from './database.js';
import { DATA_VERSION_CHANNEL, DataVersionWatch, watchDataVersion } from './data-version.js';

const INT8_OID = 20;

/**
 * bigint ids and counts as numbers, as PGlite returns them: `pg` gives strings by default,
 * and the same API must not answer `"id": "5"` on one database and `"id": 5` on the other.
 * Ids stay far below 2^53; a value that would not is left as text rather than rounded.
 */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8_OID && format !== 'binary') {
      return (value: string) => {
        const n = Number(value);
        return Number.isSafeInteger(n) ? n : value;
      };
    }
    // eslint-disable-next-line @typescript-eslint/no-unsafe-return -- pg's own parsers are untyped
    return pg.types.getTypeParser(oid, format);
  },
};

/** Where a pool reports a lost connection: the app's pino logger (main.ts), else standard error (the CLIs, the tests). */
export interface PoolLog {
  error(fields: { err: Error }, message: string): void;
}

const standardError: PoolLog = { error: ({ err }, message) => console.error(`${message}: ${err.message}`) };

/** Connections each pool opens at most; the analyses take at most ANALYSIS_CONCURRENCY of them (config.ts). */
export const POOL_SIZE = 10;

/**
 * A real PostgreSQL + PostGIS server, reached through a `pg` pool; with `readUrl`, a second
 * pool on a read replica serves `reads` (DATABASE_READ_URL, issue 18).
 */
export function openPostgres(connectionString: string, readUrl?: string, log: PoolLog = standardError): Database {
  const replica = readUrl ? openPool(readUrl, log, { listens: false }) : undefined;
  return openPool(connectionString, log, { replica, listens: true });
}

/**
 * One pool. The primary's connections listen for a new data version (data-version.ts), so that the
 * one that made a write hears it first; a replica's do not: a standby refuses LISTEN, and what a
 * read there sees is the replica's version, read there.
 */
function openPool(connectionString: string, log: PoolLog, options: { replica?: Database; listens: boolean }): Database {
  const { replica } = options;
  const dataVersion = options.listens ? new DataVersionWatch() : undefined;
  // JIT compiles the analyses' correlated subqueries on every call: measured 3.9 s against
  // 0.09 s without it for the contested zones on the demo data. Short queries, so off.
  const max = POOL_SIZE;
  // Connections once opened stay open (`min`; pg-pool closed them after 10 s idle): a map opened
  // or panned after a pause asks for six tiles at once, and on a new connection each paid for a
  // new backend and its cold caches. On an idle machine: connecting 3–10 ms, then a zoom-12 tile
  // 24–36 ms against 3 ms on a warm connection; under a view's load in npm run bench:map, the
  // slowest tiles (165–200 ms) were those that met a pool shrunk to 1–3 connections.
  const pool = new pg.Pool({
    connectionString,
    max,
    min: max,
    types: types,
    options: '-c jit=off',
    // Before the connection's first borrower has it. pg-pool awaits the promise (its typings say void).
    // eslint-disable-next-line @typescript-eslint/no-misused-promises
    onConnect: dataVersion && ((client: pg.ClientBase) => listenForDataVersion(client, dataVersion)),
  });
  // A dropped idle connection must not crash the process (the pool replaces it), but an
  // operator must see that the server went away: a restart or a network cut shows here first.
  let closing = false;
  pool.on('error', (error) => {
    // Connections kept open (min) are still ending when close() resolves: a database dropped
    // right after (the tests, the benchmarks) ends them from its side, which is no loss.
    if (!closing) log.error({ err: error }, 'database connection lost (the pool will reconnect)');
  });

  const on = (client: pg.Pool | pg.PoolClient): Queryable => ({
    async query(sql, params = []) {
      const result = await client.query(sql, params as unknown[]);
      // eslint-disable-next-line @typescript-eslint/no-unsafe-return -- pg's rows are untyped; Database.query types them at the call site
      return result.rows;
    },
    async exec(sql) {
      await client.query(sql);
    },
  });

  const database: Database = {
    kind: 'postgres',
    ...on(pool),
    get reads() {
      return replica ?? database;
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(on(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      closing = true;
      await replica?.close();
      await pool.end();
    },
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max }),
  };
  if (dataVersion) watchDataVersion(database, dataVersion);
  return database;
}

async function listenForDataVersion(client: pg.ClientBase, watch: DataVersionWatch): Promise<void> {
  client.on('notification', (message) => {
    if (message.channel === DATA_VERSION_CHANNEL) watch.changed();
  });
  // A connection that cannot listen still serves; with none listening, the version is read for every tile.
  const listening = await client.query(`LISTEN ${DATA_VERSION_CHANNEL}`).then(
    () => true,
    () => false,
  );
  if (!listening) return;
  watch.listens();
  client.once('end', () => watch.stoppedListening());
}
