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

/** Every tile at zoom z that meets a box in degrees (west, south, east, north). */
export function tilesOver([west, south, east, north]: [number, number, number, number], z: number): TileAddress[] {
  const side = 2 ** z;
  const clamp = (v: number) => Math.min(side - 1, Math.max(0, Math.floor(v)));
  const column = (lon: number) => clamp(((lon + 180) / 360) * side);
  const row = (lat: number) => {
    const rad = (Math.max(-85.05, Math.min(85.05, lat)) * Math.PI) / 180;
    return clamp(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * side);
  };
  const tiles: TileAddress[] = [];
  for (let x = column(west); x <= column(east); x++) for (let y = row(north); y <= row(south); y++) tiles.push({ z, x, y });
  return tiles;
}
