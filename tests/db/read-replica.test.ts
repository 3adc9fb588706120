import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import type { Database } from '../../server/db/database.js';
import { openPostgres } from '../../server/db/postgres.js';
import { LAYER_NAMES } from '../../server/layers/layer-definition.js';
import { countRows } from '../support/test-app.js';
import { openTestDatabase, withDatabase } from '../support/test-database.js';

/**
 * Issue 18: DATABASE_READ_URL sends reads that may lag (layers, tiles, analyses, exports, OGC)
 * to a replica and everything else to the primary. Here both are databases on the one test
 * server; the "replica" refuses writes as a hot standby does, and holds a record the primary
 * lacks, so a read that went to the wrong side would show.
 */
const serverUrl = process.env.DATABASE_URL;

const site = (name: string) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [28.8, -2.05] }, properties: { name } });
const siteNames = async (app: FastifyInstance) =>
  (await app.inject({ url: '/api/sites' })).json().features.map((f: { properties: { name: string } }) => f.properties.name);
const nameOf = async (db: Database) => (await db.query<{ name: string }>('SELECT current_database() AS name'))[0]!.name;

describe.skipIf(!serverUrl)('a read replica (DATABASE_READ_URL)', () => {
  let primary: Database;
  let replica: Database;
  let both: Database;
  let app: FastifyInstance;

  beforeAll(async () => {
    [primary, replica] = await Promise.all([openTestDatabase(), openTestDatabase()]);
    // A record only the replica has, written before it turns read-only.
    const onReplica = await buildApp({ db: replica, webRoot: '/nonexistent', auth: { demo: true } });
    expect((await onReplica.inject({ method: 'POST', url: '/api/sites', payload: site('Seen on the replica') })).statusCode).toBe(201);
    await onReplica.close();
    await replica.exec(`ALTER DATABASE ${await nameOf(replica)} SET default_transaction_read_only = on`);

    both = openPostgres(withDatabase(serverUrl!, await nameOf(primary)), withDatabase(serverUrl!, await nameOf(replica)));
    app = await buildApp({ db: both, webRoot: '/nonexistent', auth: { demo: true } });
  });

  afterAll(async () => {
    await app?.close();
    await both?.close();
    await primary?.close();
    await replica?.close();
  });

  it('reads layers from the replica', async () => {
    expect(await siteNames(app)).toEqual(['Seen on the replica']);
  });

  it('writes to the primary, and a read may not see the write until the replica has it', async () => {
    const created = await app.inject({ method: 'POST', url: '/api/sites', payload: site('Written to the primary') });
    expect(created.statusCode).toBe(201);
    expect(await countRows(primary, 'sites')).toBe(1);
    expect(await countRows(replica, 'sites')).toBe(1);
    expect(await siteNames(app)).toEqual(['Seen on the replica']);
  });

  it('answers every read route from a replica that refuses writes', async () => {
    const reads = [
      ...LAYER_NAMES.map((layer) => `/api/${layer}`),
      ...LAYER_NAMES.map((layer) => `/tiles/${layer}/8/145/129.mvt`),
      '/tiles',
      '/api/analysis/contested',
      '/api/analysis/sites',
      '/api/analysis/zones',
      '/api/analysis/routes',
      '/api/analysis/priorities',
      '/api/analysis/permit-overlaps',
      '/api/export?layers=sites,incidents&profile=public',
      '/api/export/count?layers=sites',
      '/ogc/collections/sites/items',
    ];
    for (const url of reads) {
      const res = await app.inject({ url });
      expect({ url, status: res.statusCode }).toEqual({ url, status: 200 });
    }
    const plan = await app.inject({ method: 'POST', url: '/api/analysis/deployment-plan', payload: { units: 2 } });
    expect(plan.statusCode).toBe(200);
  });

  it('reads through a connection that refuses writes: the check above could fail', async () => {
    await expect(both.reads.query(`INSERT INTO rate_limit_counts (key, window_start, hits) VALUES ('x', now(), 1)`)).rejects.toThrow(/read-only transaction/);
    await expect(both.query(`INSERT INTO rate_limit_counts (key, window_start, hits) VALUES ('x', now(), 1)`)).resolves.toEqual([]);
  });
});
