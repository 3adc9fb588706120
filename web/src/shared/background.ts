/**
 * The background to read the map by: lakes, rivers, country borders and towns of eastern DRC
 * from Natural Earth (public domain, data/reference/naturalearth/), shipped as files of the
 * build itself, so the page still fetches nothing from another host and works offline
 * (issue 14). Quiet colours under every data layer: water in pale blue, borders in dashed grey,
 * towns in small grey type, all readable in greyscale print.
 */
import type { LayerSpecification, Map as MapLibreMap, SourceSpecification } from 'maplibre-gl';
import lakesUrl from '../../../data/reference/naturalearth/ne_10m_lakes.geojson?url';
import riversUrl from '../../../data/reference/naturalearth/ne_10m_rivers_lake_centerlines.geojson?url';
import bordersUrl from '../../../data/reference/naturalearth/ne_10m_admin_0_boundary_lines_land.geojson?url';
import townsUrl from '../../../data/reference/naturalearth/ne_10m_populated_places_simple.geojson?url';
import type { Lang } from './language.js';

const WATER = '#C6DCEB';
const WATER_LINE = '#7FA7C4';
const WATER_TEXT = '#2F5D80';
const BORDER = '#8A8A8A';
const TOWN_TEXT = '#555555';

/** Absolute, because MapLibre fetches GeoJSON from a worker, where a relative address has no page to start from. */
const url = (path: string) => new URL(path, document.baseURI).toString();

export function backgroundSources(): Record<string, SourceSpecification> {
  return {
    'ne-lakes': { type: 'geojson', data: url(lakesUrl) },
    'ne-rivers': { type: 'geojson', data: url(riversUrl) },
    'ne-borders': { type: 'geojson', data: url(bordersUrl) },
    'ne-towns': { type: 'geojson', data: url(townsUrl) },
  };
}

const FONT = ['DejaVu Sans', 'Liberation Sans', 'sans-serif'];

/** A name in the page's language where Natural Earth (or data/README.md's additions) has one. */
const localName = (lang: Lang) => ['coalesce', ['get', `name_${lang}`], ['get', 'name']] as unknown as string;

/** Drawn first, under everything the API gives; labels of towns give way to the data's own. */
export function backgroundLayers(lang: Lang): LayerSpecification[] {
  return [
    { id: 'ne-lakes-fill', type: 'fill', source: 'ne-lakes', paint: { 'fill-color': WATER } },
    { id: 'ne-lakes-line', type: 'line', source: 'ne-lakes', paint: { 'line-color': WATER_LINE, 'line-width': 0.8 } },
    {
      id: 'ne-rivers-line',
      type: 'line',
      source: 'ne-rivers',
      paint: { 'line-color': WATER_LINE, 'line-width': ['interpolate', ['linear'], ['zoom'], 6, 0.8, 12, 2] },
    },
    { id: 'ne-borders-line', type: 'line', source: 'ne-borders', paint: { 'line-color': BORDER, 'line-width': 1.5, 'line-dasharray': [4, 2, 1, 2] } },
    {
      id: 'ne-lakes-label',
      type: 'symbol',
      source: 'ne-lakes',
      layout: { 'text-field': localName(lang), 'text-font': FONT, 'text-size': 12, 'text-max-width': 8, 'symbol-placement': 'point' },
      paint: { 'text-color': WATER_TEXT, 'text-halo-color': WATER, 'text-halo-width': 1 },
    },
    {
      id: 'ne-towns-label',
      type: 'symbol',
      source: 'ne-towns',
      minzoom: 6,
      layout: { 'text-field': localName(lang), 'text-font': FONT, 'text-size': 11, 'text-optional': true, 'symbol-sort-key': ['get', 'scalerank'] },
      paint: { 'text-color': TOWN_TEXT, 'text-halo-color': '#FFFFFF', 'text-halo-width': 1.2 },
    },
  ];
}

/** Names follow the language switch. */
export function setBackgroundLanguage(map: MapLibreMap, lang: Lang): void {
  for (const id of ['ne-lakes-label', 'ne-towns-label']) if (map.getLayer(id)) map.setLayoutProperty(id, 'text-field', localName(lang));
}
