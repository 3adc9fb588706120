import type { Queryable } from '../db/database.js';

/** The number that changes with any data a tile shows (migration 007): part of every tile's ETag. */
export async function readDataVersion(db: Queryable): Promise<number> {
  const [row] = await db.query<{ version: number }>('SELECT coalesce((SELECT version FROM data_version), 0)::float8 AS version');
  return row!.version;
}
