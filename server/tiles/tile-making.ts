import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.js';
import { DEFAULT_TILE_CACHE_MB, madeTiles, type MadeTiles } from './made-tiles.js';
import { NO_TILE_WARMER, startTileWarmer, type TileWarmer } from './tile-warmer.js';

/** How often the tile warmer looks whether the data or the day changed (a read of one number). */
const WARM_CHECK_MS = 60_000;

declare module 'fastify' {
  interface FastifyInstance {
    /** The tiles made ahead (tile-warmer.ts): its last round for the metrics, `warmNow()` for the benchmark. */
    tileWarmer: TileWarmer;
  }
}

/**
 * The app's kept tiles (made-tiles.ts) and, with `warmZoom`, the warmer that makes the large
 * layers' tiles ahead once the app is ready (tile-warmer.ts), stopped with the app. Returns the
 * cache the tile route reads through.
 */
export function installTileMaking(app: FastifyInstance, db: Database, options: { cacheMb?: number; warmZoom?: number }): MadeTiles {
  const made = madeTiles(options.cacheMb ?? DEFAULT_TILE_CACHE_MB);
  let warmer = NO_TILE_WARMER;
  // A getter: the warmer starts on ready, after the routes and the metrics that read it are registered.
  app.decorate('tileWarmer', { getter: () => warmer });
  const upToZoom = options.warmZoom;
  if (upToZoom) {
    app.addHook('onReady', async () => {
      warmer = startTileWarmer(db, made, { upToZoom, everyMs: WARM_CHECK_MS, log: app.log });
    });
    app.addHook('onClose', async () => warmer.stop());
  }
  return made;
}
