/**
 * The map's base: a plain background and nothing fetched from elsewhere, so the page works
 * offline (South Kivu's links are slow or absent). No `glyphs` URL: MapLibre draws the few
 * labels with the browser's local fonts.
 */
import type { StyleSpecification } from 'maplibre-gl';
import { COLOURS } from './palette.js';

export function offlineStyle(): StyleSpecification {
  return {
    version: 8,
    name: 'Offline background',
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': COLOURS.paper } }],
  };
}
