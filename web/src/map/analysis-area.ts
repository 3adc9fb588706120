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

/**
 * The view, widened outwards to a grid whose step is a power of two degrees near a quarter of
 * the view's span: a pan or a small zoom keeps the same area, so the timeline (ten years of
 * analyses, half a second of the database's time) is not asked again for each move, and the
 * area never strays more than a quarter of a view beyond what is seen.
 */
export function visibleArea(map: MapLibreMap): Area {
  const b = map.getBounds();
  const [w, s, e, n] = [Math.max(-180, b.getWest()), Math.max(-85, b.getSouth()), Math.min(180, b.getEast()), Math.min(85, b.getNorth())];
  const step = 2 ** Math.ceil(Math.log2(Math.max(e - w, n - s, 1e-6) / 4));
  const down = (v: number) => Math.floor(v / step) * step;
  const up = (v: number) => Math.ceil(v / step) * step;
  return [Math.max(-180, down(w)), Math.max(-85, down(s)), Math.min(180, up(e)), Math.min(85, up(n))];
}

/** Whether the map's view lies wholly inside `area`. */
export function viewInside(map: MapLibreMap, area: Area): boolean {
  const b = map.getBounds();
  return b.getWest() >= area[0] && b.getSouth() >= area[1] && b.getEast() <= area[2] && b.getNorth() <= area[3];
}

/** `bbox` for an analysis's query string. */
export const areaParam = (area: Area): string => area.join(',');

/**
 * Below this zoom a view at province scale holds too much for an analysis the page can show.
 * With 100 000 claims over 5° × 5°, a view and its margin at zoom 8 or 9 cover the whole of it
 * (20 000 zones, 16 s on the server, 5 MB, and minutes of drawing a list of them); at zoom 10
 * the area is about 3.5° × 2.2° and the page stays within its budget (npm run bench:map).
 */
export const ANALYSIS_MIN_ZOOM = 10;

/**
 * What the analyses were last asked about: everything (the page holds the data whole), an
 * area, or nothing because the view was too wide.
 */
export type Asked = { kind: 'all' } | { kind: 'area'; area: Area } | { kind: 'too-wide' };

/** What to ask about now, given whether the page draws layers from tiles. */
export function whatToAsk(map: MapLibreMap, tiled: boolean): Asked {
  if (!tiled) return { kind: 'all' };
  return map.getZoom() < ANALYSIS_MIN_ZOOM ? { kind: 'too-wide' } : { kind: 'area', area: viewArea(map) };
}

/** Whether the view has left what was asked about: out of the area, or zoomed in far enough after a view too wide. */
function outdated(map: MapLibreMap, asked: Asked): boolean {
  if (asked.kind === 'area') return !viewInside(map, asked.area) || map.getZoom() < ANALYSIS_MIN_ZOOM;
  return asked.kind === 'too-wide' && map.getZoom() >= ANALYSIS_MIN_ZOOM;
}

/**
 * Runs `then` once the map has stood still for `delayMs` and drawn every tile of its view: a
 * view's analyses then never compete with its own tiles for the server's cores. Over 100 000
 * claims on two cores, a zoom-12 tile made while the view's timeline ran took 100–120 ms
 * against 3–15 ms alone (npm run bench:map, and a scratch script of the same tiles).
 */
export function afterMove(map: MapLibreMap, then: () => void, delayMs = 400): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  // One wait for the drawing at a time: 'idle' means the view of that moment is drawn, whichever move led there.
  let waiting = false;
  map.on('moveend', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (map.loaded() && map.areTilesLoaded() && !map.isMoving()) then();
      else if (!waiting) {
        waiting = true;
        void map.once('idle').then(() => {
          waiting = false;
          then();
        });
      }
    }, delayMs);
  });
}

/** Calls `refresh` after a move (afterMove) that left the map somewhere `asked` no longer covers. */
export function followArea(map: MapLibreMap, asked: () => Asked, refresh: () => void, delayMs = 400): void {
  afterMove(
    map,
    () => {
      if (outdated(map, asked())) refresh();
    },
    delayMs,
  );
}
