/**
 * The map's sources and layers: one GeoJSON source per API layer (named like the layer),
 * drawn by one or more MapLibre layers. Everything that draws a layer is here, in draw order.
 */
import type { FeatureCollection, Geometry } from 'geojson';
import type {
  ExpressionSpecification,
  FilterSpecification,
  GeoJSONSource,
  LayerSpecification,
  Map as MapLibreMap,
  SymbolLayerSpecification,
} from 'maplibre-gl';
import type { LayerCollection, LayerFeature } from '../../shared/api.js';
import { COLOURS, DANGER_ACTORS, LEGAL_STATUS_COLOURS } from '../../shared/palette.js';
import { referencePlaces } from '../../shared/places.js';
import type { SitePresence } from './site-presence.js';
import { CATEGORY_GROUPS, GROUPS } from '../incidents/incident-vocabulary.js';
import { SYMBOLS, SYMBOL_PIXEL_RATIO, symbolImage, type SymbolName } from './symbols.js';

/** The API layers the map draws; `cooperatives` is off at first (their claims already show them). */
export const DATA_LAYERS = ['permits', 'zones', 'claims', 'cooperatives', 'routes', 'sites', 'roadblocks', 'presence', 'incidents'] as const;
export type DataLayerName = (typeof DATA_LAYERS)[number];
/** Context drawn from the page itself, not from the API. */
export const PLACES_SOURCE = 'places';
/** The analysis overlay (contested-layer.ts), toggled from the legend like a layer. */
export const CONTESTED_OVERLAY = 'contested';
/** The militarised-route overlay (route-risk.ts), toggled from the legend like a layer. */
export const ROUTE_RISK_OVERLAY = 'militarised-routes';
/** The encroachments of claims and ZEAs on industrial titles (R12, permits/permit-overlap-layer.ts). */
export const PERMIT_OVERLAY = 'permit-overlaps';
export type ToggleableLayer = DataLayerName | typeof PLACES_SOURCE | typeof CONTESTED_OVERLAY | typeof ROUTE_RISK_OVERLAY | typeof PERMIT_OVERLAY;

export const HIDDEN_AT_START: ReadonlySet<ToggleableLayer> = new Set(['cooperatives']);
/** Drawn as context, but the first view does not fit to them: the cadastre's titles cover the whole province. */
export const NOT_FITTED: ReadonlySet<DataLayerName> = new Set(['permits']);

export type DrawnLayer = LayerSpecification & { source: ToggleableLayer };

const isPoint: FilterSpecification = ['==', ['geometry-type'], 'Point'];
const isArea: FilterSpecification = ['in', ['geometry-type'], ['literal', ['Polygon', 'MultiPolygon']]];
const hasLegalStatus = (status: keyof typeof LEGAL_STATUS_COLOURS): FilterSpecification => ['==', ['get', 'legal_status'], status];
const isDangerActor = (property: string): ExpressionSpecification => ['in', ['get', property], ['literal', [...DANGER_ACTORS]]];

/** Presence, whatever its geometry, by what the actor's presence at a mine site means. */
const presenceColour: ExpressionSpecification = [
  'case',
  isDangerActor('actor_type'),
  COLOURS.vermillion,
  ['==', ['get', 'actor_type'], 'pmh'],
  COLOURS.blue,
  ['==', ['get', 'actor_type'], 'pnc'],
  COLOURS.yellow,
  COLOURS.grey,
];
const presenceSymbol: ExpressionSpecification = [
  'case',
  isDangerActor('actor_type'),
  'presence-danger',
  ['==', ['get', 'actor_type'], 'pmh'],
  'presence-pmh',
  ['==', ['get', 'actor_type'], 'pnc'],
  'presence-pnc',
  'presence-other',
];
/** The symbol of an incident's kind of harm: one per group of categories. */
const incidentSymbol: ExpressionSpecification = [
  'match',
  ['get', 'category'],
  ...GROUPS.filter((g) => g !== 'other').flatMap((g) => [[...CATEGORY_GROUPS[g]], `incident-${g}`]),
  'incident-other',
] as unknown as ExpressionSpecification;

/** R8: a roadblock is militarised when an armed actor holds it or it taxes minerals. */
const militarisedRoadblock: ExpressionSpecification = ['any', isDangerActor('operator_type'), ['==', ['get', 'taxes_minerals'], true]];

const labelLayout: SymbolLayerSpecification['layout'] = {
  'text-font': ['DejaVu Sans Bold', 'Liberation Sans Bold', 'sans-serif'],
  'text-size': 12,
  'text-max-width': 12,
};
const labelPaint = { 'text-color': COLOURS.ink, 'text-halo-color': COLOURS.white, 'text-halo-width': 1.5 } as const;
/** Observations too old to count (R11): grey, dark enough to read on the paper background (4.6:1). */
export const STALE_GREY = '#6B6B6B';

/** The cadastre's ZEA polygons are the zones layer's to draw (as ZEAs, with their flags): not twice. */
const isNotCadastreZea: FilterSpecification = ['!=', ['get', 'permit_type'], 'zea'];
/** Grey dashes for the mining titles: neither the ZEAs' solid ink nor any claim's colour. */
export const PERMIT_LINE = { colour: '#4D4D4D', width: 1.5, dash: [3, 2] } as const;

/**
 * Bottom first. Mining titles (CAMI) lie under everything: they are large, and a claim or ZEA
 * on one is what matters (R12). Zone outlines sit above the claims so that a ZEA boundary is
 * never hidden by a fill.
 */
const DRAWN_LAYERS: DrawnLayer[] = [
  { id: 'permits-fill', type: 'fill', source: 'permits', filter: isNotCadastreZea, paint: { 'fill-pattern': 'hatch-permit', 'fill-opacity': 0.35 } },
  {
    id: 'permits-line',
    type: 'line',
    source: 'permits',
    filter: isNotCadastreZea,
    paint: { 'line-color': PERMIT_LINE.colour, 'line-width': PERMIT_LINE.width, 'line-dasharray': [...PERMIT_LINE.dash] },
  },
  { id: 'zones-fill', type: 'fill', source: 'zones', paint: { 'fill-color': COLOURS.ink, 'fill-opacity': 0.04 } },
  {
    id: 'claims-authorised-fill',
    type: 'fill',
    source: 'claims',
    filter: hasLegalStatus('authorised'),
    paint: { 'fill-color': LEGAL_STATUS_COLOURS.authorised, 'fill-opacity': 0.28 },
  },
  {
    id: 'claims-pending-fill',
    type: 'fill',
    source: 'claims',
    filter: hasLegalStatus('pending'),
    paint: { 'fill-pattern': 'hatch-pending', 'fill-opacity': 0.9 },
  },
  {
    id: 'claims-unrecognised-fill',
    type: 'fill',
    source: 'claims',
    filter: hasLegalStatus('unrecognised'),
    paint: { 'fill-pattern': 'hatch-unrecognised', 'fill-opacity': 0.9 },
  },
  {
    id: 'claims-authorised-line',
    type: 'line',
    source: 'claims',
    filter: hasLegalStatus('authorised'),
    paint: { 'line-color': LEGAL_STATUS_COLOURS.authorised, 'line-width': 2.5 },
  },
  {
    id: 'claims-pending-line',
    type: 'line',
    source: 'claims',
    filter: hasLegalStatus('pending'),
    paint: { 'line-color': LEGAL_STATUS_COLOURS.pending, 'line-width': 2.5, 'line-dasharray': [4, 2] },
  },
  {
    id: 'claims-unrecognised-line',
    type: 'line',
    source: 'claims',
    filter: hasLegalStatus('unrecognised'),
    paint: { 'line-color': LEGAL_STATUS_COLOURS.unrecognised, 'line-width': 3, 'line-dasharray': [0.6, 1.4] },
    layout: { 'line-cap': 'round' },
  },
  { id: 'zones-line', type: 'line', source: 'zones', paint: { 'line-color': COLOURS.ink, 'line-width': 2 } },
  { id: 'presence-area-fill', type: 'fill', source: 'presence', filter: isArea, paint: { 'fill-color': presenceColour, 'fill-opacity': 0.15 } },
  {
    id: 'presence-area-line',
    type: 'line',
    source: 'presence',
    filter: isArea,
    paint: { 'line-color': presenceColour, 'line-width': 2, 'line-dasharray': [3, 1.5] },
  },
  {
    id: 'routes-casing',
    type: 'line',
    source: 'routes',
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': COLOURS.white, 'line-width': 6 },
  },
  {
    id: 'routes-line',
    type: 'line',
    source: 'routes',
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': '#5A4A3A', 'line-width': 3 },
  },
  {
    id: 'cooperatives-point',
    type: 'circle',
    source: 'cooperatives',
    paint: { 'circle-radius': 5, 'circle-color': COLOURS.skyBlue, 'circle-stroke-color': COLOURS.ink, 'circle-stroke-width': 1.5 },
  },
  {
    id: 'sites-circle',
    type: 'circle',
    source: 'sites',
    // Armed presence as the analysis judges it on the page's date (site-presence.ts): current in
    // vermillion, only long ago in a grey ring with its year beside it, never the one for the other.
    paint: {
      'circle-radius': ['match', ['get', 'presence_state'], 'current', 6, 'stale', 5.5, 4.5],
      'circle-color': COLOURS.white,
      'circle-stroke-color': ['match', ['get', 'presence_state'], 'current', COLOURS.vermillion, 'stale', STALE_GREY, COLOURS.ink],
      'circle-stroke-width': ['match', ['get', 'presence_state'], 'current', 3, 'stale', 2.5, 1.5],
    },
  },
  {
    id: 'sites-stale-label',
    type: 'symbol',
    source: 'sites',
    filter: ['==', ['get', 'presence_state'], 'stale'],
    layout: { ...labelLayout, 'text-size': 11, 'text-field': ['get', 'presence_year'], 'text-anchor': 'left', 'text-offset': [0.7, 0] },
    paint: { ...labelPaint, 'text-color': STALE_GREY },
  },
  {
    id: 'incidents-symbol',
    type: 'symbol',
    source: 'incidents',
    // By kind of harm (incident-vocabulary.ts); faded when older than the recent window (incident-recency.ts).
    layout: { 'icon-image': incidentSymbol, 'icon-allow-overlap': true, 'icon-ignore-placement': true },
    paint: { 'icon-opacity': 1 },
  },
  {
    id: 'roadblocks-symbol',
    type: 'symbol',
    source: 'roadblocks',
    layout: {
      'icon-image': ['case', militarisedRoadblock, 'roadblock-armed', 'roadblock-other'],
      'icon-allow-overlap': true,
      'icon-ignore-placement': true,
    },
  },
  {
    id: 'presence-symbol',
    type: 'symbol',
    source: 'presence',
    filter: isPoint,
    layout: { 'icon-image': presenceSymbol, 'icon-allow-overlap': true, 'icon-ignore-placement': true },
  },
  {
    id: 'zones-label',
    type: 'symbol',
    source: 'zones',
    // Beside the boundary, not on it: the line would strike through the text.
    layout: { ...labelLayout, 'text-field': ['coalesce', ['get', 'code'], ''], 'symbol-placement': 'line', 'symbol-spacing': 400, 'text-offset': [0, 0.9] },
    paint: labelPaint,
  },
  {
    id: 'places-point',
    type: 'circle',
    source: PLACES_SOURCE,
    paint: { 'circle-radius': 3, 'circle-color': COLOURS.ink },
  },
  {
    id: 'places-label',
    type: 'symbol',
    source: PLACES_SOURCE,
    layout: {
      ...labelLayout,
      'text-font': ['DejaVu Sans', 'Liberation Sans', 'sans-serif'],
      'text-field': ['get', 'name'],
      'text-anchor': 'left',
      'text-offset': [0.6, 0],
    },
    paint: { ...labelPaint, 'text-color': '#333333' },
  },
];

/** The MapLibre layers that draw one API layer (or the places) from its GeoJSON source. */
export function mapLayerIds(name: ToggleableLayer): string[] {
  return DRAWN_LAYERS.filter((l) => l.source === name).map((l) => l.id);
}

/** The style layers of an API layer, in draw order: what tiled-layers.ts copies for the layer's tiles. */
export function drawnLayers(name: DataLayerName): readonly DrawnLayer[] {
  return DRAWN_LAYERS.filter((l) => l.source === name);
}

/**
 * Every style layer on the map now that draws `name`: its GeoJSON layers and, while the layer
 * is drawn from tiles (tiled-layers.ts), their copies and the cell counts.
 */
export function styleLayerIds(map: MapLibreMap, name: ToggleableLayer): string[] {
  const own = mapLayerIds(name);
  const tiled = (map.getStyle()?.layers ?? []).filter((l) => 'source' in l && l.source === `${name}${TILE_SOURCE_SUFFIX}`).map((l) => l.id);
  return [...own, ...tiled];
}

/** A layer drawn from vector tiles has its source under this suffix (incidents → incidents-tiles). */
export const TILE_SOURCE_SUFFIX = '-tiles';

/** The API layer a map source draws, whether its GeoJSON source or its tiles. */
export function dataLayerOf(source: string): DataLayerName {
  return (source.endsWith(TILE_SOURCE_SUFFIX) ? source.slice(0, -TILE_SOURCE_SUFFIX.length) : source) as DataLayerName;
}

/** Layers whose features open a popup when clicked: everything drawn from the API. */
export const INTERACTIVE_LAYER_IDS = DRAWN_LAYERS.filter((l) => l.source !== PLACES_SOURCE && !l.id.endsWith('-label')).map((l) => l.id);
/** Point records (incidents, sites…): a click on one is aimed at it, not at the area around it. */
export const POINT_LAYER_IDS = DRAWN_LAYERS.filter((l) => INTERACTIVE_LAYER_IDS.includes(l.id) && (l.type === 'circle' || l.type === 'symbol')).map(
  (l) => l.id,
);

const emptyCollection = (): FeatureCollection => ({ type: 'FeatureCollection', features: [] });

/** Adds the symbols, the (empty) sources and every layer; data comes later through `setLayerData`. */
export function addDataLayers(map: MapLibreMap): void {
  for (const name of Object.keys(SYMBOLS) as SymbolName[]) {
    map.addImage(name, symbolImage(name), { pixelRatio: SYMBOL_PIXEL_RATIO });
  }
  for (const name of DATA_LAYERS) map.addSource(name, { type: 'geojson', data: emptyCollection() });
  map.addSource(PLACES_SOURCE, { type: 'geojson', data: referencePlaces() });
  for (const layer of DRAWN_LAYERS) {
    map.addLayer(HIDDEN_AT_START.has(layer.source) ? { ...layer, layout: { ...layer.layout, visibility: 'none' } } : layer);
  }
}

/**
 * What the map draws for a record: a site carries its armed-presence state from the analysis
 * (site-presence.ts), lifted to the top where style expressions can read it.
 */
function drawable<F extends LayerFeature>(name: DataLayerName, feature: F, presence: ReadonlyMap<number, SitePresence>): F {
  if (name !== 'sites') return feature;
  const site = presence.get(feature.id);
  return site ? { ...feature, properties: { ...feature.properties, presence_state: site.state, presence_year: site.year } } : feature;
}

/** Puts a layer's records on the map; sites with their armed-presence states, when known (none until the analysis answers). */
export function setLayerData(
  map: MapLibreMap,
  name: DataLayerName,
  collection: Pick<LayerCollection, 'type' | 'features'>,
  presence: ReadonlyMap<number, SitePresence> = new Map(),
): void {
  // A cooperative may have no seat on record: nothing to draw, but still listed in popups.
  const features = collection.features.filter((f): f is LayerFeature & { geometry: Geometry } => f.geometry !== null).map((f) => drawable(name, f, presence));
  void map.getSource<GeoJSONSource>(name)!.setData({ type: 'FeatureCollection', features });
}

export function setLayerVisible(map: MapLibreMap, name: ToggleableLayer, visible: boolean): void {
  for (const id of styleLayerIds(map, name)) map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
}

export function isLayerVisible(map: MapLibreMap, name: ToggleableLayer): boolean {
  const [first] = mapLayerIds(name);
  return first !== undefined && map.getLayoutProperty(first, 'visibility') !== 'none';
}
