/**
 * What the priorities map draws, bottom first: ZEAs filled by need (dashed outline when
 * illustrative), the plan's coverage circles, reference towns, sites as circles sized and
 * coloured by need, then the rings that mark covered and chosen places, and the top ranks.
 */
import type { Feature, FeatureCollection, Geometry, Point, Polygon } from 'geojson';
import { circle } from '@turf/circle';
import type { ExpressionSpecification, GeoJSONSource, LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import { COLOURS } from '../shared/palette.js';
import { referencePlaces } from '../shared/places.js';
import { placeKey, type Plan, type Ranking } from './api.js';
import { NEED_COLOURS, SITE_RADII, needClass } from './need-scale.js';

export const PLACES_SOURCE = 'priority-places';
export const RANKS_SOURCE = 'priority-ranks';
export const COVERAGE_SOURCE = 'plan-coverage';
const TOWNS_SOURCE = 'towns';
/** Ranks written on the map: enough to find the head of the table, few enough to stay legible. */
const RANKS_LABELLED = 10;

export const CLICKABLE_LAYERS = ['sites-circle', 'zones-fill'];

const isZone: ExpressionSpecification = ['==', ['get', 'kind'], 'zone'];
const isSite: ExpressionSpecification = ['==', ['get', 'kind'], 'site'];
const byClass = (values: readonly (string | number)[]): ExpressionSpecification =>
  ['match', ['get', 'need_class'], 0, values[0]!, 1, values[1]!, 2, values[2]!, 3, values[3]!, values[4]!] as ExpressionSpecification;
const noKey = '';
const keyIs = (key: string): ExpressionSpecification => ['==', ['get', 'key'], key];
const keyIn = (keys: string[]): ExpressionSpecification => ['in', ['get', 'key'], ['literal', keys]];

const LABEL_FONT = ['DejaVu Sans Bold', 'Liberation Sans Bold', 'sans-serif'];

const LAYERS: LayerSpecification[] = [
  { id: 'zones-fill', type: 'fill', source: PLACES_SOURCE, filter: isZone, paint: { 'fill-color': byClass(NEED_COLOURS), 'fill-opacity': 0.6 } },
  {
    id: 'zones-outline',
    type: 'line',
    source: PLACES_SOURCE,
    filter: ['all', isZone, ['!', ['get', 'illustrative']]],
    paint: { 'line-color': COLOURS.ink, 'line-width': 1.2 },
  },
  // Dashes cannot vary by feature, hence a second layer for the illustrative ZEAs.
  {
    id: 'zones-outline-illustrative',
    type: 'line',
    source: PLACES_SOURCE,
    filter: ['all', isZone, ['get', 'illustrative']],
    paint: { 'line-color': COLOURS.ink, 'line-width': 1.5, 'line-dasharray': [3, 2] },
  },
  { id: 'coverage-fill', type: 'fill', source: COVERAGE_SOURCE, paint: { 'fill-color': COLOURS.skyBlue, 'fill-opacity': 0.12 } },
  { id: 'coverage-line', type: 'line', source: COVERAGE_SOURCE, paint: { 'line-color': COLOURS.blue, 'line-width': 2, 'line-dasharray': [4, 3] } },
  { id: 'covered-zones', type: 'line', source: PLACES_SOURCE, filter: ['all', isZone, keyIn([])], paint: { 'line-color': COLOURS.black, 'line-width': 3.5 } },
  { id: 'towns-point', type: 'circle', source: TOWNS_SOURCE, paint: { 'circle-radius': 2.5, 'circle-color': COLOURS.ink } },
  {
    id: 'towns-label',
    type: 'symbol',
    source: TOWNS_SOURCE,
    layout: {
      'text-field': ['get', 'name'],
      'text-font': ['DejaVu Sans', 'Liberation Sans', 'sans-serif'],
      'text-size': 11,
      'text-anchor': 'left',
      'text-offset': [0.6, 0],
    },
    paint: { 'text-color': '#444444', 'text-halo-color': COLOURS.white, 'text-halo-width': 1.5 },
  },
  {
    id: 'sites-circle',
    type: 'circle',
    source: PLACES_SOURCE,
    filter: isSite,
    paint: { 'circle-radius': byClass(SITE_RADII), 'circle-color': byClass(NEED_COLOURS), 'circle-stroke-color': COLOURS.ink, 'circle-stroke-width': 1 },
  },
  {
    id: 'covered-sites',
    type: 'circle',
    source: PLACES_SOURCE,
    filter: ['all', isSite, keyIn([])],
    paint: { 'circle-radius': ['+', byClass(SITE_RADII), 3], 'circle-opacity': 0, 'circle-stroke-color': COLOURS.black, 'circle-stroke-width': 2 },
  },
  { id: 'selected-zone', type: 'line', source: PLACES_SOURCE, filter: ['all', isZone, keyIs(noKey)], paint: { 'line-color': COLOURS.blue, 'line-width': 4.5 } },
  {
    id: 'selected-site',
    type: 'circle',
    source: PLACES_SOURCE,
    filter: ['all', isSite, keyIs(noKey)],
    paint: { 'circle-radius': ['+', byClass(SITE_RADII), 6], 'circle-opacity': 0, 'circle-stroke-color': COLOURS.blue, 'circle-stroke-width': 3.5 },
  },
  {
    id: 'rank-labels',
    type: 'symbol',
    source: RANKS_SOURCE,
    layout: { 'text-field': ['to-string', ['get', 'rank']], 'text-font': LABEL_FONT, 'text-size': 13, 'text-offset': [0, -1.3], 'text-allow-overlap': true },
    paint: { 'text-color': COLOURS.ink, 'text-halo-color': COLOURS.white, 'text-halo-width': 2 },
  },
];

const empty = (): FeatureCollection => ({ type: 'FeatureCollection', features: [] });

export function addPriorityLayers(map: MapLibreMap): void {
  map.addSource(PLACES_SOURCE, { type: 'geojson', data: empty() });
  map.addSource(RANKS_SOURCE, { type: 'geojson', data: empty() });
  map.addSource(COVERAGE_SOURCE, { type: 'geojson', data: empty() });
  map.addSource(TOWNS_SOURCE, { type: 'geojson', data: referencePlaces() });
  for (const layer of LAYERS) map.addLayer(layer);
}

/** The ranking as the map needs it: slim properties, with the need class worked out here. */
export function setRankingData(map: MapLibreMap, ranking: Ranking): void {
  const maxNeed = Math.max(0, ...ranking.features.map((f) => f.properties.need));
  const places: Feature<Geometry>[] = ranking.features.map((f) => {
    const p = f.properties;
    return {
      type: 'Feature',
      geometry: f.geometry,
      properties: { key: placeKey(p), rank: p.rank, kind: p.kind, need: p.need, need_class: needClass(p.need, maxNeed), illustrative: p.illustrative },
    };
  });
  const ranks: Feature<Point>[] = ranking.features
    .filter((f) => f.properties.rank <= RANKS_LABELLED && f.properties.need > 0)
    .map((f) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: f.properties.anchor }, properties: { rank: f.properties.rank } }));
  void (map.getSource(PLACES_SOURCE) as GeoJSONSource).setData({ type: 'FeatureCollection', features: places });
  void (map.getSource(RANKS_SOURCE) as GeoJSONSource).setData({ type: 'FeatureCollection', features: ranks });
}

/** One circle of the unit's reach per placement; `order` ties it to the list and marker. */
export function setPlanData(map: MapLibreMap, plan: Plan | null): Feature<Polygon>[] {
  const circles: Feature<Polygon>[] = (plan?.features ?? []).map((f) => ({
    type: 'Feature',
    geometry: circle(f.geometry.coordinates, f.properties.radius_km, { steps: 64, units: 'kilometers' }).geometry,
    properties: { order: f.properties.order, place: f.properties.place, radius_km: f.properties.radius_km },
  }));
  void (map.getSource(COVERAGE_SOURCE) as GeoJSONSource).setData({ type: 'FeatureCollection', features: circles });
  const covered = (plan?.features ?? []).flatMap((f) => f.properties.covers);
  map.setFilter('covered-zones', ['all', isZone, keyIn(covered)]);
  map.setFilter('covered-sites', ['all', isSite, keyIn(covered)]);
  return circles;
}

export function setSelectedKey(map: MapLibreMap, key: string | null): void {
  map.setFilter('selected-zone', ['all', isZone, keyIs(key ?? noKey)]);
  map.setFilter('selected-site', ['all', isSite, keyIs(key ?? noKey)]);
}
