import { createHash } from 'node:crypto';
import type { Queryable } from '../../server/db/database.js';

/**
 * The id partners and the public see an incident under, worked out here in JavaScript from
 * the installation's secret (the contract of server/sharing/published-sql.ts publishedIdSql:
 * the first 52 bits of md5("<secret>:<database id>")), so tests can find a record across
 * profiles without the server telling them.
 */
export async function publishedIncidentId(db: Queryable, databaseId: number | string): Promise<number> {
  const [row] = await db.query<{ secret: string }>('SELECT secret FROM sharing_secret');
  const hex = createHash('md5').update(`${row!.secret}:${databaseId}`).digest('hex').slice(0, 13);
  return Number.parseInt(hex, 16);
}
