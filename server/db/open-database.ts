import { mkdirSync } from 'node:fs';
import type { Database } from './database.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';

export interface DatabaseConfig {
  /** A PostgreSQL connection string; when absent the embedded database is used. */
  databaseUrl?: string;
  /** Where the embedded database keeps its files. */
  dataDir: string;
}

/** `DATABASE_URL` set: the real server. Unset: embedded PGlite persisted under `dataDir`. */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl);
  mkdirSync(config.dataDir, { recursive: true });
  return openPglite({ dataDir: config.dataDir });
}
