/**
 * npm run bench:tiles: vector tiles at province scale (issue 13). For each layer and zoom, 12
 * tiles at seeded places over eastern DRC: the time of `GET /tiles/…` through Fastify's inject
 * (access, ETag, the crowding count, encoding) against the bare tile SQL on the same tile, their
 * ratio, the slowest tile and the largest body. It reads the configured database as it is:
 * `npm run generate` first (e.g. 100 000 claims and incidents).
 */
import { buildApp } from '../../server/app.js';
import { configFromEnv } from '../../server/config.js';
import { openDatabase } from '../../server/db/open-database.js';
import { Params } from '../../server/db/sql/params.js';
import { LAYERS } from '../../server/layers/registry.js';
import type { LayerName } from '../../server/layers/layer-definition.js';
import { seededRandom } from '../../server/generate/seeded-random.js';
import type { TileQuery } from '../../server/tiles/tile-sql.js';
import { tileMode, tileSql } from '../../server/tiles/build-tile.js';
import { tileAt } from '../support/decode-tile.js';
import type { Profile } from '../../server/sharing/profiles.js';

const LAYER_LIST: LayerName[] = ['incidents', 'claims', 'sites', 'presence', 'routes', 'zones'];
const ZOOMS = [6, 8, 10, 12, 14];
const PROFILES: Profile[] = (process.env.BENCH_PROFILES ?? 'internal,partner').split(',') as Profile[];
const TILES = 12;

const config = configFromEnv();
const db = await openDatabase(config);
// No tile kept: each tile is made afresh, like the bare SQL beside it. A second app keeps them (made-tiles.ts).
const app = await buildApp({ db, webRoot: '/nonexistent', auth: { demo: true }, tileCacheMb: 0 });
const keeping = await buildApp({ db, webRoot: '/nonexistent', auth: { demo: true } });
const [sizes] = await db.query<{ incidents: number; claims: number }>(
  `SELECT (SELECT count(*) FROM incidents)::int AS incidents, (SELECT count(*) FROM claims)::int AS claims`,
);
console.log(
  `Tile benchmark on ${config.databaseUrl ? 'the PostgreSQL server' : 'the embedded database'}: ${sizes!.incidents.toLocaleString('en')} incidents, ${sizes!.claims.toLocaleString('en')} claims; ${TILES} tiles per row, times summed`,
);
console.log(
  `${'layer'.padEnd(10)} ${'profile'.padEnd(9)} ${'z'.padStart(2)} ${'API ms'.padStart(8)} ${'SQL ms'.padStart(8)} ${'ratio'.padStart(6)} ${'max API ms'.padStart(11)} ${'max KB'.padStart(7)} ${'cells'.padStart(6)} ${'kept ms'.padStart(8)}`,
);

async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const result = await work();
  return [performance.now() - start, result];
}

for (const layer of LAYER_LIST) {
  for (const profile of PROFILES) {
    for (const z of ZOOMS) {
      const random = seededRandom(z);
      let api = 0;
      let sql = 0;
      let slowest = 0;
      let largest = 0;
      let crowded = 0;
      let kept = 0;
      for (let i = 0; i < TILES; i++) {
        const tile = tileAt(26.5 + random() * 5, -5 + random() * 5, z);
        const url = `/tiles/${layer}/${tile.z}/${tile.x}/${tile.y}.mvt?profile=${profile}`;
        const query: TileQuery = { tile, profile, mode: await tileMode(db, LAYERS[layer], { tile, profile }) };
        if (query.mode === 'cells') crowded += 1;
        const params = new Params();
        const text = tileSql(db, LAYERS[layer], query, params);
        // Interleaved, each once: neither side gets the warmer cache every time.
        const [sqlMs] = await timed(() => db.query(text, params.values));
        const [apiMs, res] = await timed(() => app.inject(url));
        if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
        // The same tile asked of the app that keeps tiles, once to make it and once more: the second is what a later caller waits.
        await keeping.inject(url);
        kept += (await timed(() => keeping.inject(url)))[0];
        api += apiMs;
        sql += sqlMs;
        slowest = Math.max(slowest, apiMs);
        largest = Math.max(largest, res.rawPayload.length);
      }
      console.log(
        `${layer.padEnd(10)} ${profile.padEnd(9)} ${String(z).padStart(2)} ${api.toFixed(0).padStart(8)} ${sql.toFixed(0).padStart(8)} ${(api / sql).toFixed(2).padStart(6)} ${slowest.toFixed(0).padStart(11)} ${(largest / 1024).toFixed(0).padStart(7)} ${String(crowded).padStart(6)} ${kept.toFixed(0).padStart(8)}`,
      );
    }
  }
}
await app.close();
await keeping.close();
await db.close();
