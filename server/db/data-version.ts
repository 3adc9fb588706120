import type { Queryable } from './database.js';

/**
 * The number that changes with any counted write to the data (migration 007): part of every
 * tile's ETag, and of the key under which analyses keep their answers (kept-by-data-version.ts).
 */
export async function readDataVersion(db: Queryable): Promise<number> {
  const [row] = await db.query<{ version: number }>('SELECT coalesce((SELECT version FROM data_version), 0)::float8 AS version');
  return row!.version;
}
