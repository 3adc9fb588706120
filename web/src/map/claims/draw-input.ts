/**
 * What the map's clicks and keys do while vertices are being placed: a click adds a vertex (or
 * closes the ring when it is on the first one); Space adds the map's centre, Backspace takes
 * the last vertex off, Enter closes the ring.
 */
import type { Position } from 'geojson';
import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';

/** A click this close to the first vertex, in pixels, closes the polygon. */
const CLOSE_PX = 10;

export interface DrawActions {
  placing(): boolean;
  vertices(): Position[];
  add(position: Position): void;
  undo(): void;
  finish(): void;
}

export function drawInput(map: MapLibreMap, draw: DrawActions) {
  return {
    /** Takes a map click while vertices are being placed; says whether it did. */
    handleClick(event: MapMouseEvent): boolean {
      if (!draw.placing()) return false;
      const vertices = draw.vertices();
      const first = vertices[0];
      if (first && vertices.length >= 3) {
        const pixel = map.project(first as [number, number]);
        if (Math.hypot(pixel.x - event.point.x, pixel.y - event.point.y) <= CLOSE_PX) {
          draw.finish();
          return true;
        }
      }
      draw.add([event.lngLat.lng, event.lngLat.lat]);
      return true;
    },
    /** Takes a key pressed on the map while vertices are being placed; says whether it did. */
    handleMapKey(event: KeyboardEvent): boolean {
      if (!draw.placing()) return false;
      if (event.key === ' ') {
        const centre = map.getCenter();
        draw.add([centre.lng, centre.lat]);
      } else if (event.key === 'Backspace') {
        draw.undo();
      } else if (event.key === 'Enter') {
        draw.finish();
      } else {
        return false;
      }
      event.preventDefault();
      return true;
    },
  };
}
