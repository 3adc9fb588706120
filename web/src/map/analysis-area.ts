/**
 * The part of the province the analyses are asked about (issue 13). With the demo data, or any
 * data the page holds whole, they cover everything; once a layer is too large for the page and
 * is drawn from tiles, they cover the view and a margin of half a view on each side, so that no
 * analysis grows with the province, and are asked again when the map moves outside that area.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

/** West, south, east, north, in degrees. */
export type Area = [number, number, number, number];

/** The view grown by half its size on each side, clamped to the world, rounded to 0.001° so that a request's address is stable. */
export function viewArea(map: MapLibreMap): Area {
  const b = map.getBounds();
  const [w, s, e, n] = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
  const [dx, dy] = [(e - w) / 2, (n - s) / 2];
  const round = (v: number) => Math.round(v * 1000) / 1000;
  return [round(Math.max(-180, w - dx)), round(Math.max(-85, s - dy)), round(Math.min(180, e + dx)), round(Math.min(85, n + dy))];
}

/** Whether the map's view lies wholly inside `area`. */
export function viewInside(map: MapLibreMap, area: Area): boolean {
  const b = map.getBounds();
  return b.getWest() >= area[0] && b.getSouth() >= area[1] && b.getEast() <= area[2] && b.getNorth() <= area[3];
}

/** `bbox` for an analysis's query string. */
export const areaParam = (area: Area): string => area.join(',');

/**
 * Calls `refresh` once the map has stopped moving for `delayMs` outside the area last asked
 * about. `asked` says which area that is (undefined: the whole data, nothing to follow).
 */
export function followArea(map: MapLibreMap, asked: () => Area | undefined, refresh: () => void, delayMs = 400): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  map.on('moveend', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const area = asked();
      if (area && !viewInside(map, area)) refresh();
    }, delayMs);
  });
}
