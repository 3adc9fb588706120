import type { Queryable } from './database.js';

/** The PostGIS library's version (e.g. "3.5.2"): readiness shows it, and asking it proves the database answers. */
export async function postgisVersion(db: Queryable): Promise<string | undefined> {
  const [row] = await db.query<{ postgis: string }>('SELECT postgis_lib_version() AS postgis');
  return row?.postgis;
}
