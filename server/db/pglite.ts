import { PGlite, type Transaction } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import type { Database, Queryable } from './database.js';

export interface PgliteOptions {
  /** Folder the database persists in; in memory when absent. */
  dataDir?: string;
  /** A data folder dumped by `dumpPglite`, to start from instead of an empty database. */
  loadDataDir?: Blob | File;
}

type PgliteLike = Pick<PGlite | Transaction, 'query' | 'exec'>;

function queryable(db: PgliteLike): Queryable {
  return {
    async query(sql, params = []) {
      const result = await db.query(sql, params as unknown[]);
      return result.rows as never[];
    },
    async exec(sql) {
      await db.exec(sql);
    },
  };
}

/** Embedded PostgreSQL (WebAssembly) with PostGIS: the default when no server is configured. */
export async function openPglite(options: PgliteOptions = {}): Promise<Database & { dump(): Promise<Blob> }> {
  const db = await PGlite.create({
    dataDir: options.dataDir,
    loadDataDir: options.loadDataDir,
    extensions: { postgis },
  });
  const database: Database & { dump(): Promise<Blob> } = {
    kind: 'pglite',
    ...queryable(db),
    // One process, one database: there is no replica to read from.
    get reads() {
      return database;
    },
    transaction: (work) => db.transaction((tx) => work(queryable(tx))),
    close: () => db.close(),
    dump: async () => await db.dumpDataDir('gzip'),
  };
  return database;
}
