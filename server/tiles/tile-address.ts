import { badRequest } from '../http/errors.js';

/** One tile of the web-mercator pyramid (XYZ scheme, y down from the north, as MapLibre asks). */
export interface TileAddress {
  z: number;
  x: number;
  y: number;
}

/** Deepest zoom served: a tile there is about 10 m across, finer than any record here is placed. */
export const MAX_TILE_ZOOM = 20;
/** Tile units per side and the margin kept around a tile, as ST_AsMVT's defaults and MapLibre expect. */
export const TILE_EXTENT = 4096;
export const TILE_BUFFER = 64;

/** A tile address from the path, refused (400) when the tile does not exist at that zoom. */
export function tileAddress(z: number, x: number, y: number): TileAddress {
  const side = 2 ** z;
  if (x >= side || y >= side) throw badRequest(`no tile ${z}/${x}/${y}: at zoom ${z}, x and y run from 0 to ${side - 1}`);
  return { z, x, y };
}
