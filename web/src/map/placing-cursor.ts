/**
 * The map while a place is picked on it (a claim's vertices, an incident's point): a crosshair
 * at its centre, where the keyboard puts the point, a crosshair pointer, and a canvas label that
 * says what to do.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { el } from '../shared/dom.js';

export function createPlacingCursor(map: MapLibreMap) {
  const canvas = map.getCanvas();
  const crosshair = el('div', 'draw-crosshair');
  crosshair.setAttribute('aria-hidden', 'true');
  crosshair.hidden = true;
  map.getContainer().append(crosshair);
  return {
    /** Shows or hides the crosshair and pointer; `label` is the canvas's label from now on. */
    set(on: boolean, label: string): void {
      canvas.style.cursor = on ? 'crosshair' : '';
      crosshair.hidden = !on;
      canvas.setAttribute('aria-label', label);
    },
  };
}
