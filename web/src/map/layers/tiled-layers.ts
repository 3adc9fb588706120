/**
 * A layer too large to download whole is drawn from vector tiles (server/tiles): the same
 * style layers over a vector source, and where a tile holds too many records, one circle per
 * cell with the number of records under it. The map page switches a layer to tiles when the
 * layer API says it holds more than the page asks for (main.ts), so the demo's small layers
 * stay GeoJSON, with every record in the page, and a province's incidents do not.
 */
import type { FilterSpecification, LayerSpecification, Map as MapLibreMap, VectorTileSource } from 'maplibre-gl';
import type { LayerCollection } from '../../shared/api.js';
import { COLOURS } from '../../shared/palette.js';
import { addFilteredLayer, isCellLayer } from './layer-filter.js';
import { TILE_SOURCE_SUFFIX, drawnLayers, mapLayerIds, type DataLayerName } from './layers.js';

/** Above this many records in force, a layer is drawn from tiles rather than downloaded. */
export const GEOJSON_LIMIT = 1_500;

/** Whether the layer API holds more of a layer than the page asked for: then it is drawn from tiles. */
export const tooLargeForPage = (collection: Pick<LayerCollection, 'numberMatched' | 'features'>): boolean =>
  (collection.numberMatched ?? 0) > collection.features.length;
/** The property that marks a cell of a crowded tile (server/tiles/tile-sql.ts). */
export const CELL_COUNT = 'cell_count';

export const tileSourceId = (name: DataLayerName) => `${name}${TILE_SOURCE_SUFFIX}`;
const isRecord: FilterSpecification = ['!', ['has', CELL_COUNT]];
const isCell: FilterSpecification = ['has', CELL_COUNT];

/** Absolute, as MapLibre's workers fetch tiles from a URL of their own. */
function tileUrl(name: DataLayerName, date: string | null, version: number): string {
  const query = new URLSearchParams({ v: String(version), ...(date ? { date } : {}) });
  return new URL(`tiles/${name}/{z}/{x}/{y}.mvt?${query}`, document.baseURI).toString().replace(/%7B/g, '{').replace(/%7D/g, '}');
}

/** The copies of a layer's style layers over its tiles, and its cell counts, in draw order. */
function tiledStyleLayers(name: DataLayerName): Array<{ layer: LayerSpecification; base: FilterSpecification | undefined }> {
  const source = { source: tileSourceId(name), 'source-layer': name };
  const copies = drawnLayers(name).map((l) => {
    const base = ('filter' in l && l.filter ? ['all', l.filter, isRecord] : isRecord) as FilterSpecification;
    return { layer: { ...l, ...source, id: `${l.id}${TILE_SOURCE_SUFFIX}`, filter: base } as LayerSpecification, base };
  });
  const count: ['get', string] = ['get', CELL_COUNT];
  const cells: LayerSpecification = {
    id: `${name}-cells`,
    type: 'circle',
    ...source,
    filter: isCell,
    paint: {
      'circle-radius': ['interpolate', ['linear'], ['sqrt', count], 1, 7, 30, 22],
      'circle-color': COLOURS.white,
      'circle-opacity': 0.85,
      'circle-stroke-color': COLOURS.ink,
      'circle-stroke-width': 2,
    },
  };
  const labels: LayerSpecification = {
    id: `${name}-cells-label`,
    type: 'symbol',
    ...source,
    filter: isCell,
    layout: {
      'text-field': ['to-string', count],
      'text-font': ['DejaVu Sans Bold', 'Liberation Sans Bold', 'sans-serif'],
      'text-size': 11,
      'text-allow-overlap': true,
    },
    paint: { 'text-color': COLOURS.ink },
  };
  return [...copies, { layer: cells, base: isCell }, { layer: labels, base: isCell }];
}

/** Draws `name` from its tiles as of `date` (or refreshes their address), under its GeoJSON layers. */
export function showTiled(map: MapLibreMap, name: DataLayerName, date: string | null, version: number): void {
  const url = tileUrl(name, date, version);
  const existing = map.getSource<VectorTileSource>(tileSourceId(name));
  if (existing) {
    existing.setTiles([url]);
    return;
  }
  map.addSource(tileSourceId(name), { type: 'vector', tiles: [url], minzoom: 0, maxzoom: 20 });
  const [first] = mapLayerIds(name);
  const visibility = first ? map.getLayoutProperty(first, 'visibility') : undefined;
  for (const { layer, base } of tiledStyleLayers(name)) {
    map.addLayer({ ...layer, layout: { ...('layout' in layer ? layer.layout : {}), ...(visibility ? { visibility } : {}) } }, first);
    if (!isCellLayer(layer.id)) addFilteredLayer(map, name, layer.id, base);
  }
}

/** Back to GeoJSON only: the layer fits in the page again (another date, fewer records). */
export function hideTiled(map: MapLibreMap, name: DataLayerName): void {
  if (!map.getSource(tileSourceId(name))) return;
  for (const { layer } of tiledStyleLayers(name)) if (map.getLayer(layer.id)) map.removeLayer(layer.id);
  map.removeSource(tileSourceId(name));
}

export function isTiled(map: MapLibreMap, name: DataLayerName): boolean {
  return map.getSource(tileSourceId(name)) !== undefined;
}
