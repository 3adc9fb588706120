/**
 * The contested-zone overlay: drawn over the claims so that a dispute stands out at any zoom.
 * A tint and an ink pattern fill the zone, a dark casing with a coloured, dashed core outlines
 * it, and a marker sits at its label point while the zone is too small on screen to be seen.
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { ExpressionSpecification, GeoJSONSource, LayerSpecification, Map as MapLibreMap, PointLike } from 'maplibre-gl';
import type { ContestedZone } from './contested-api.js';
import { boundsOf } from '../../shared/extent.js';
import { COLOURS } from '../../shared/palette.js';
import { SEVERITIES, SEVERITY_STYLES, markerSymbol, patternSymbol, type Severity } from './severity.js';

export const CONTESTED = 'contested';
const MARKERS = 'contested-markers';

/** The marker shows while the zone spans fewer pixels than this across. */
const MARKER_UNTIL_PX = 40;

/** Arrays (dashes) must be wrapped as literals, or MapLibre reads them as expressions. */
const literal = (value: unknown) => (Array.isArray(value) ? ['literal', value] : value);
const bySeverity = <T>(value: (severity: Severity) => T, fallback: T): ExpressionSpecification =>
  ['match', ['get', 'severity'], ...SEVERITIES.flatMap((s) => [s, literal(value(s))]), literal(fallback)] as unknown as ExpressionSpecification;

const selected = (id: number | null): ExpressionSpecification => ['==', ['id'], id ?? -1];

const AREA_LAYERS: LayerSpecification[] = [
  {
    id: 'contested-tint',
    type: 'fill',
    source: CONTESTED,
    paint: { 'fill-color': bySeverity((s) => SEVERITY_STYLES[s].colour, COLOURS.grey), 'fill-opacity': 0.25 },
  },
  {
    id: 'contested-pattern',
    type: 'fill',
    source: CONTESTED,
    paint: { 'fill-pattern': bySeverity(patternSymbol, patternSymbol('low')), 'fill-opacity': 0.75 },
  },
  // A soft wide halo marks the zone whose details are open.
  {
    id: 'contested-selected',
    type: 'line',
    source: CONTESTED,
    filter: selected(null),
    paint: { 'line-color': COLOURS.blue, 'line-width': 14, 'line-opacity': 0.45 },
  },
  {
    id: 'contested-casing',
    type: 'line',
    source: CONTESTED,
    layout: { 'line-join': 'round' },
    paint: { 'line-color': COLOURS.ink, 'line-width': bySeverity((s) => SEVERITY_STYLES[s].width + 3, 6) },
  },
  {
    id: 'contested-line',
    type: 'line',
    source: CONTESTED,
    layout: { 'line-join': 'round', 'line-cap': 'round' },
    paint: {
      'line-color': bySeverity((s) => SEVERITY_STYLES[s].colour, COLOURS.grey),
      'line-width': bySeverity((s) => SEVERITY_STYLES[s].width, 3),
      'line-dasharray': bySeverity((s) => (SEVERITY_STYLES[s].dash.length ? SEVERITY_STYLES[s].dash : [1, 0]), [1, 0]),
    },
  },
];

export const CONTESTED_MARKER_LAYER = 'contested-marker';
const MARKER_LAYER: LayerSpecification = {
  id: CONTESTED_MARKER_LAYER,
  type: 'symbol',
  source: MARKERS,
  // Zoom in a filter is evaluated at whole zooms only: close enough to hand over to the outline.
  filter: ['<', ['zoom'], ['get', 'marker_until_zoom']],
  layout: { 'icon-image': bySeverity(markerSymbol, markerSymbol('low')), 'icon-allow-overlap': true, 'icon-ignore-placement': true },
};

export const CONTESTED_LAYER_IDS = [...AREA_LAYERS.map((l) => l.id), MARKER_LAYER.id];
const CLICKABLE = ['contested-tint', 'contested-casing', CONTESTED_MARKER_LAYER];

const empty = (): FeatureCollection => ({ type: 'FeatureCollection', features: [] });

/**
 * Adds the (empty) overlay over the claims and routes but under the point records: incidents
 * and presence are the evidence, and must stay visible and clickable on top of the summary.
 */
export function addContestedLayers(map: MapLibreMap, options: { before: string }): void {
  map.addSource(CONTESTED, { type: 'geojson', data: empty() });
  map.addSource(MARKERS, { type: 'geojson', data: empty() });
  for (const layer of [...AREA_LAYERS, MARKER_LAYER]) map.addLayer(layer, options.before);
}

/** The zoom below which the zone is under MARKER_UNTIL_PX wide (512-px tiles, at its latitude). */
function markerUntilZoom(zone: ContestedZone): number {
  const bounds = boundsOf([zone.geometry]);
  if (!bounds) return 0;
  const [[west, south], [east, north]] = bounds;
  const latitude = ((south + north) / 2) * (Math.PI / 180);
  const span = Math.max((east - west) * Math.cos(latitude), north - south, 1e-9);
  return Math.log2((MARKER_UNTIL_PX * 360) / (512 * span));
}

export function setContestedData(map: MapLibreMap, zones: ContestedZone[]): void {
  void map.getSource<GeoJSONSource>(CONTESTED)!.setData({ type: 'FeatureCollection', features: zones });
  const markers: Array<Feature<Point>> = zones.map((zone) => ({
    type: 'Feature',
    id: zone.id,
    geometry: { type: 'Point', coordinates: zone.properties.label },
    properties: { severity: zone.properties.severity, marker_until_zoom: markerUntilZoom(zone) },
  }));
  void map.getSource<GeoJSONSource>(MARKERS)!.setData({ type: 'FeatureCollection', features: markers });
}

export function highlightContested(map: MapLibreMap, id: number | null): void {
  map.setFilter('contested-selected', selected(id));
}

export function setContestedVisible(map: MapLibreMap, visible: boolean): void {
  for (const id of CONTESTED_LAYER_IDS) map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
}

export function isContestedVisible(map: MapLibreMap): boolean {
  return map.getLayoutProperty('contested-tint', 'visibility') !== 'none';
}

/** The id of the most severe contested zone drawn at a pixel (the server numbers them by severity). */
export function contestedIdAt(map: MapLibreMap, point: PointLike): number | undefined {
  if (!isContestedVisible(map)) return undefined;
  const ids = map.queryRenderedFeatures(point, { layers: CLICKABLE }).map((f) => Number(f.id));
  return ids.length ? Math.min(...ids) : undefined;
}

/**
 * Brings the zone into view. From the list it always fits; from a click on the map it moves
 * only when the zone is cut by the edge or too small to read, since the user is looking at it.
 */
export function fitContested(map: MapLibreMap, zone: ContestedZone, options: { onlyIfNeeded: boolean }): void {
  const bounds = boundsOf([zone.geometry]);
  if (!bounds) return;
  if (options.onlyIfNeeded) {
    const view = map.getBounds();
    const [sw, ne] = [map.project(bounds[0]), map.project(bounds[1])];
    const inView = view.contains(bounds[0]) && view.contains(bounds[1]);
    if (inView && Math.abs(ne.x - sw.x) >= MARKER_UNTIL_PX && Math.abs(ne.y - sw.y) >= MARKER_UNTIL_PX) return;
  }
  map.fitBounds(bounds, { padding: 60, maxZoom: 15 });
}
