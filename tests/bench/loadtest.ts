/**
 * npm run loadtest: 100 clients at once against the app on loopback, for 60 s, mixing map
 * tiles, layer reads and analyses the way a map page does (issue 13). Prints, for each kind,
 * requests per second, p50/p99 latency and errors. It reads the configured database as it is
 * (DATABASE_URL, or the embedded one in DATA_DIR): run `npm run generate` first for province scale.
 *
 *   npm run loadtest -- [--connections 100] [--duration 60]
 */
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { buildApp } from '../../server/app.js';
import { configFromEnv } from '../../server/config.js';
import { migrate } from '../../server/db/migrate.js';
import { openDatabase } from '../../server/db/open-database.js';
import { isEmpty, loadDemoData } from '../../server/demo/load-demo.js';
import { seededRandom } from '../../server/generate/seeded-random.js';
import { tileAt } from '../support/decode-tile.js';

const { values } = parseArgs({ options: { connections: { type: 'string', default: '100' }, duration: { type: 'string', default: '60' } } });
const CONNECTIONS = Number(values.connections);
const DURATION = Number(values.duration);
const random = seededRandom(13);

/** Somewhere in eastern DRC, where the demo and the generated records are. */
const place = () => [26.5 + random() * 5, -5 + random() * 5] as const;
const TILE_LAYERS = ['incidents', 'claims', 'sites', 'presence', 'zones', 'routes'];

/** Each kind of request, with the share of the clients that make it. */
const KINDS: Array<{ name: string; share: number; path: () => string }> = [
  {
    name: 'tiles',
    share: 0.7,
    path: () => {
      const [lon, lat] = place();
      const { z, x, y } = tileAt(lon, lat, 8 + Math.floor(random() * 5));
      return `/tiles/${TILE_LAYERS[Math.floor(random() * TILE_LAYERS.length)]}/${z}/${x}/${y}.mvt`;
    },
  },
  {
    name: 'layer reads (bbox, 100 records)',
    share: 0.2,
    path: () => {
      const [lon, lat] = place();
      return `/api/${['zones', 'sites', 'roadblocks', 'routes'][Math.floor(random() * 4)]}?limit=100&bbox=${lon},${lat},${lon + 0.5},${lat + 0.5}`;
    },
  },
  {
    name: 'analyses: site, zone flags',
    share: 0.1,
    path: () => {
      const [lon, lat] = place();
      const bbox = `${lon},${lat},${lon + 0.5},${lat + 0.5}`;
      // Not the contested zones: over 100 000 claims one of those holds a connection for minutes (issue 12), and would measure only that.
      return [`/api/analysis/zones?bbox=${bbox}`, `/api/analysis/sites?bbox=${bbox}`][Math.floor(random() * 2)]!;
    },
  },
];

const config = configFromEnv();
const db = await openDatabase(config);
await migrate(db);
if (await isEmpty(db)) await loadDemoData(db);
const counts = await db.query<{ layer: string; n: number }>(
  `SELECT 'incidents' AS layer, count(*)::int AS n FROM incidents UNION ALL SELECT 'claims', count(*)::int FROM claims UNION ALL SELECT 'sites', count(*)::int FROM sites`,
);
const app = await buildApp({ db, webRoot: '/nonexistent', auth: { demo: true } });
await app.listen({ host: '127.0.0.1', port: 0 });
const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
console.log(
  `Load test: ${CONNECTIONS} clients for ${DURATION} s on ${config.databaseUrl ? 'the PostgreSQL server' : 'the embedded database'} (${counts.map((c) => `${c.n.toLocaleString('en')} ${c.layer}`).join(', ')})`,
);

const results = await Promise.all(
  KINDS.map((kind) =>
    autocannon({
      url,
      connections: Math.max(1, Math.round(CONNECTIONS * kind.share)),
      duration: DURATION,
      headers: { 'accept-encoding': 'br, gzip' },
      requests: [{ setupRequest: (request) => ({ ...request, path: kind.path() }) }],
    }),
  ),
);
const pad = (v: string | number, w: number) => String(v).padStart(w);
console.log(
  `${'kind'.padEnd(32)} ${pad('clients', 7)} ${pad('req/s', 8)} ${pad('p50 ms', 7)} ${pad('p99 ms', 7)} ${pad('errors', 7)} ${pad('non-2xx', 8)} ${pad('timeouts', 8)}`,
);
for (const [i, r] of results.entries()) {
  const kind = KINDS[i]!;
  console.log(
    `${kind.name.padEnd(32)} ${pad(Math.max(1, Math.round(CONNECTIONS * kind.share)), 7)} ${pad(r.requests.average.toFixed(0), 8)} ${pad(r.latency.p50, 7)} ${pad(r.latency.p99, 7)} ${pad(r.errors, 7)} ${pad(r.non2xx, 8)} ${pad(r.timeouts, 8)}`,
  );
}
await app.close();
await db.close();
process.exitCode = results.some((r) => r.errors > 0 || r.non2xx > 0) ? 1 : 0;
