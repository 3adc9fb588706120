import { accessSync, constants, mkdirSync } from 'node:fs';
import { lockDataDir } from './data-dir-lock.js';
import type { Database } from './database.js';
import { openPglite } from './pglite.js';
import { openPostgres, type PoolLog } from './postgres.js';

export interface DatabaseConfig {
  /** A PostgreSQL connection string; when absent the embedded database is used. */
  databaseUrl?: string;
  /** A read replica of `databaseUrl`, for reads that may lag (Database.reads). */
  databaseReadUrl?: string;
  /** Where the embedded database keeps its files. */
  dataDir: string;
  /** Where the server's pool reports lost connections (standard error when absent). */
  log?: PoolLog;
}

/**
 * `DATABASE_URL` set: the real server. Unset: embedded PGlite persisted under `dataDir`,
 * locked for this process until `close()` (data-dir-lock.ts): a second process, such as a
 * backup while the app runs, is refused instead of corrupting the folder.
 */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl, config.databaseReadUrl, config.log);
  if (config.databaseReadUrl)
    throw new Error('DATABASE_READ_URL names a read replica of the server in DATABASE_URL, which is not set: set both, or neither for the embedded database');
  assertWritableFolder(config.dataDir);
  const lock = lockDataDir(config.dataDir);
  let db: Database;
  try {
    db = await openPglite({ dataDir: config.dataDir });
  } catch (error) {
    lock.release();
    throw error;
  }
  const locked: Database = {
    ...db,
    get reads() {
      return locked;
    },
    async close() {
      try {
        await db.close();
      } finally {
        lock.release();
      }
    },
  };
  return locked;
}

/**
 * The embedded database writes its files under DATA_DIR; PGlite itself only says that it
 * "failed to initialize properly" when it cannot, so the folder is checked first, by name.
 */
export function assertWritableFolder(dataDir: string): void {
  try {
    mkdirSync(dataDir, { recursive: true });
    accessSync(dataDir, constants.R_OK | constants.W_OK | constants.X_OK);
  } catch (error) {
    const why = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new Error(
      `the embedded database cannot write to its folder ${dataDir} (${why}). Make it writable by this user ` +
        `(e.g. \`chown -R $(id -un) ${dataDir}\`), or set DATA_DIR to a folder that is, or DATABASE_URL to use a PostgreSQL server.`,
      { cause: error },
    );
  }
}
