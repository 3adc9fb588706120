import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateProvince } from '../../server/generate/synthetic-province.js';
import { today } from '../../server/http/today.js';
import { LAYERS } from '../../server/layers/registry.js';
import { tileMode } from '../../server/tiles/build-tile.js';
import { readDataVersion } from '../../server/db/data-version.js';
import { madeTiles, tileKey } from '../../server/tiles/made-tiles.js';
import { tilesOver } from '../../server/tiles/tile-address.js';
import { tileTag } from '../../server/tiles/tile-cache.js';
import { warmTiles } from '../../server/tiles/tile-warmer.js';
import { openTestApp, type TestApp } from '../support/test-app.js';
import { buildApp } from '../../server/app.js';

/** Issue 13: the tiles the map asks for when it opens are made before anyone asks. */
let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
  // Generated claims and incidents over eastern DRC, enough to be tiled and to crowd the tiles of zooms 5 and 6.
  await generateProvince(t.db, { seed: 5, claims: 2_500, cooperatives: 50, incidents: 2_500, sites: 0, visits: 0, presence: 0, routeKm: 0 });
});
afterAll(() => t?.close());

it('makes every tile of the large layers up to the zoom asked, as the map asks for it, and no deeper', async () => {
  const made = madeTiles(64);
  const count = await warmTiles(t.db, made, 6);
  const day = today();
  const tag = tileTag(await readDataVersion(t.db), 'internal', day);
  const notMade = async () => {
    throw new Error('not made ahead');
  };
  let ahead = 0;
  const modes = new Set<string>();
  for (const layer of ['claims', 'incidents'] as const) {
    const [box] = await t.db.query<{ w: number; s: number; e: number; n: number }>(
      `SELECT ST_XMin(e)::float8 AS w, ST_YMin(e)::float8 AS s, ST_XMax(e)::float8 AS e, ST_YMax(e)::float8 AS n FROM (SELECT ST_Extent(geom) AS e FROM ${layer}) x`,
    );
    for (const z of [5, 6, 7]) {
      for (const tile of tilesOver([box!.w, box!.s, box!.e, box!.n], z)) {
        const key = tileKey(tag, layer, tile, day);
        if (z > 6) {
          // Deeper zooms are left to be made when asked.
          await expect(made(key, notMade)).rejects.toThrow('not made ahead');
          continue;
        }
        ahead += 1;
        modes.add(await tileMode(t.db, LAYERS[layer], { tile, profile: 'internal', date: day }));
        const kept = await made(key, notMade);
        expect(kept.kept, `${layer} ${z}/${tile.x}/${tile.y}`).toBe(true);
        // The very tile the route makes for the page's request of today.
        const asked = await t.app.inject(`/tiles/${layer}/${z}/${tile.x}/${tile.y}.mvt?date=${day}`);
        expect(Buffer.from(kept.tile.body).equals(asked.rawPayload), `${layer} ${z}/${tile.x}/${tile.y}`).toBe(true);
      }
    }
  }
  // Crowded tiles (counted by cell) and the others alike.
  expect([...modes].sort()).toEqual(['cells', 'records']);
  // The claims and incidents, and nothing of the layers too small to be tiled.
  expect(count).toBe(ahead);
});

it('makes nothing of layers of too few records to be tiled', async () => {
  const small = await openTestApp();
  try {
    await generateProvince(small.db, { seed: 6, claims: 300, cooperatives: 10, incidents: 300, sites: 0, visits: 0, presence: 0, routeKm: 0 });
    expect(await warmTiles(small.db, madeTiles(64), 8)).toBe(0);
  } finally {
    await small.close();
  }
});

it('warms in the app as soon as it is ready and again after a change, and reports its rounds in the metrics', async () => {
  const app = await buildApp({ db: t.db, webRoot: '/nonexistent', auth: { demo: true }, tileWarmZoom: 6 });
  try {
    await app.ready();
    await app.tileWarmer.warmNow();
    const first = app.tileWarmer.lastRound!;
    expect(first.tiles).toBe(await warmTiles(t.db, madeTiles(64), 6));
    const sample = async (name: string) => Number((await app.inject('/metrics')).body.match(new RegExp(`^${name} (\\S+)$`, 'm'))?.[1]);
    expect(await sample('tiles_made_ahead')).toBe(first.tiles);
    expect(await sample('tile_warming_seconds')).toBe(first.ms / 1000);
    // Made before anyone asked: the page's first tile of today comes from the warmer.
    const [tile] = tilesOver([28, -3, 28.1, -2.9], 6);
    const asked = await app.inject(`/tiles/claims/6/${tile!.x}/${tile!.y}.mvt?date=${today()}`);
    expect(asked.headers['x-tile-cache']).toBe('hit');
    // Nothing changed: no new round.
    await app.tileWarmer.warmNow();
    expect(app.tileWarmer.lastRound).toBe(first);
    const before = await readDataVersion(t.db);
    await t.db.query('UPDATE claims SET geom = geom WHERE id = (SELECT min(id) FROM claims)');
    expect(await readDataVersion(t.db)).not.toBe(before);
    await app.tileWarmer.warmNow();
    expect(app.tileWarmer.lastRound!.stamp).not.toBe(first.stamp);
    expect((await app.inject(`/tiles/claims/6/${tile!.x}/${tile!.y}.mvt?date=${today()}`)).headers['x-tile-cache']).toBe('hit');
  } finally {
    await app.close();
  }
});
