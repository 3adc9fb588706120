import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/database.js';
import { today } from '../http/today.js';
import { LAYER_NAMES } from '../layers/layer-definition.js';
import { LAYERS } from '../layers/registry.js';
import type { Profile } from '../sharing/profiles.js';
import { buildTile } from './build-tile.js';
import { readDataVersion } from '../db/data-version.js';
import { tileKey, type MadeTiles } from './made-tiles.js';
import { tilesOver } from './tile-address.js';
import { tileTag } from './tile-cache.js';
import { MAX_TILE_RECORDS } from './tile-sql.js';

/** The map's own cut: the working group's profile, as of today, which the page asks for when it opens. */
const WARMED_PROFILE: Profile = 'internal';
/** Wider than this, the province is a tile or two, soon made on demand. */
const FIRST_ZOOM = 5;

/**
 * Makes ahead every tile from zoom 5 to `upToZoom` of each layer of more than MAX_TILE_RECORDS
 * records (the page draws one from tiles past 1 500 in force), as the map asks for them when it opens: the
 * internal profile, today's date. At province scale (100 000 claims and incidents) a crowded
 * tile costs the database 50–400 ms and an uncrowded one of zoom 8–9 still 40–140 ms, and a
 * view asks for 20–40 at once on the same cores: made on demand, the server's time per tile
 * was 100–670 ms (npm run bench:map); kept (made-tiles.ts), each answers in a few. Up to zoom
 * 8 that is 156 tiles, 1.7 MB of tile bytes, 3.4 s; up to 9, 484, 8.2 MB, 8.8 s; up to 10,
 * 1 624, 17 MB, 16 s (2-core machine, PostgreSQL 15; the cache also keeps each compressed,
 * tile-encodings.ts). One tile at a time, so that it never holds more than one database
 * connection. Returns the number of tiles made.
 */
export async function warmTiles(db: Database, made: MadeTiles, upToZoom: number, signal?: AbortSignal): Promise<number> {
  const day = today();
  const tag = tileTag(await readDataVersion(db.reads), WARMED_PROFILE, day);
  let count = 0;
  for (const name of LAYER_NAMES) {
    const layer = LAYERS[name];
    const [extent] = await db.reads.query<{ n: number; west: number | null; south: number; east: number; north: number }>(
      `SELECT x.n, ST_XMin(x.e)::float8 AS west, ST_YMin(x.e)::float8 AS south, ST_XMax(x.e)::float8 AS east, ST_YMax(x.e)::float8 AS north
         FROM (SELECT count(*)::int AS n, ST_Extent(geom) AS e FROM ${layer.table}) x`,
    );
    // Left to be made when asked: a layer of up to MAX_TILE_RECORDS records, which the page draws
    // whole unless more than 1 500 of them are in force (web/src/map/layers/tiled-layers.ts), and
    // whose tiles then hold few records each and are quick to make.
    if (!extent || extent.west === null || extent.n <= MAX_TILE_RECORDS) continue;
    for (let z = FIRST_ZOOM; z <= upToZoom; z++) {
      for (const tile of tilesOver([extent.west, extent.south, extent.east, extent.north], z)) {
        if (signal?.aborted) return count;
        // As the route makes it: a tile a caller already had made is not counted or made again.
        await made(tileKey(tag, name, tile, day), () => buildTile(db.reads, layer, { tile, profile: WARMED_PROFILE, date: day }));
        count += 1;
      }
    }
  }
  return count;
}

/** The last round of warmTiles that finished: how many tiles, how long, for which data version and day. */
export interface WarmingRound {
  tiles: number;
  ms: number;
  stamp: string;
}

/** The app's tile warmer, as operators (metrics.ts) and the benchmark see it. */
export interface TileWarmer {
  /** The last round that finished, if any. */
  readonly lastRound: WarmingRound | undefined;
  /**
   * Resolves once a round has looked at the data as it is now (and warmed it unless it already
   * was). At once when the warmer is off or not yet started (before the app is ready); a round
   * that fails is logged and leaves `lastRound` as it was.
   */
  warmNow(): Promise<void>;
  stop(): Promise<void>;
}

/** What an app without warming has (TILE_WARM_ZOOM=0, the embedded database's default). */
export const NO_TILE_WARMER: TileWarmer = { lastRound: undefined, warmNow: async () => {}, stop: async () => {} };

/**
 * Keeps the map's first tiles made (warmTiles) as the data and the day change: looks at the data
 * version every `everyMs`, and warms again when it or the day moved. A burst of edits costs one
 * warming a period at most. Stopped with the app.
 */
export function startTileWarmer(db: Database, made: MadeTiles, options: { upToZoom: number; everyMs: number; log: FastifyBaseLogger }): TileWarmer {
  const stop = new AbortController();
  let lastRound: WarmingRound | undefined;
  let running: Promise<void> | undefined;
  const check = async () => {
    const stamp = `${await readDataVersion(db.reads)} ${today()}`;
    if (stamp === lastRound?.stamp) return;
    const started = performance.now();
    const tiles = await warmTiles(db, made, options.upToZoom, stop.signal);
    if (stop.signal.aborted) return;
    lastRound = { tiles, ms: Math.round(performance.now() - started), stamp };
    if (tiles > 0) options.log.info({ tiles, ms: lastRound.ms, upToZoom: options.upToZoom }, 'tiles made ahead');
  };
  const tick = () => {
    if (running || stop.signal.aborted) return running;
    running = check()
      .catch((error: unknown) => options.log.warn({ err: error }, 'making tiles ahead failed; they are made when asked'))
      .finally(() => (running = undefined));
    return running;
  };
  // A round's failure is logged inside tick: nothing is left to catch.
  const timer = setInterval(() => void tick(), options.everyMs);
  timer.unref();
  void tick();
  return {
    get lastRound() {
      return lastRound;
    },
    async warmNow() {
      // A round already running may have read the data version before the latest change.
      await running;
      await tick();
    },
    async stop() {
      stop.abort();
      clearInterval(timer);
      await running;
    },
  };
}
