/**
 * The map's base: paper, and Natural Earth's lakes, rivers, borders and towns shipped with the
 * app (background.ts); nothing fetched from elsewhere, so the page works offline (South Kivu's
 * links are slow or absent). No `glyphs` URL: MapLibre draws the labels with the browser's
 * local fonts.
 */
import type { StyleSpecification } from 'maplibre-gl';
import { backgroundLayers, backgroundSources } from './background.js';
import { getLang } from './language.js';
import { COLOURS } from './palette.js';

/** Credit for the background, beside the data's own in each map's attribution. */
export const BACKGROUND_CREDIT = 'Natural Earth';

/**
 * Label fades, for readers who asked their system for less motion (WCAG 2.3.3): MapLibre already
 * skips its camera animations for them, but not the 300 ms fade of every label placement.
 */
export function labelFadeDuration(): number {
  return matchMedia('(prefers-reduced-motion: reduce)').matches ? 0 : 300;
}

export function offlineStyle(): StyleSpecification {
  return {
    version: 8,
    name: 'Offline background',
    sources: backgroundSources(),
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': COLOURS.paper } }, ...backgroundLayers(getLang())],
  };
}
