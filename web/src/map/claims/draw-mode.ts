/**
 * The map while vertices are being placed: the placing cursor (placing-cursor.ts), no zoom on
 * double click, and a canvas label that says how to draw.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { t } from '../messages.js';
import { createPlacingCursor } from '../placing-cursor.js';

export function createDrawMode(map: MapLibreMap) {
  const cursor = createPlacingCursor(map);
  return {
    set(on: boolean): void {
      cursor.set(on, on ? t('editor.mapLabel') : t('map.label'));
      // A double click would add two vertices and zoom: while drawing, it only adds them.
      if (on) map.doubleClickZoom.disable();
      else map.doubleClickZoom.enable();
    },
    /** Says the drawing label again, in the page's language. */
    relabel(): void {
      map.getCanvas().setAttribute('aria-label', t('editor.mapLabel'));
    },
  };
}
