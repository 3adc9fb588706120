/**
 * The claim being drawn, on top of everything: its outline in ink on a white casing (it is
 * not a claim yet, so it takes none of the legal-status colours) and its vertices, the first
 * one larger because clicking it closes the polygon.
 */
import type { Feature, Position } from 'geojson';
import type { GeoJSONSource, LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import { COLOURS } from '../../shared/palette.js';

const DRAFT = 'claim-draft';

const LAYERS: LayerSpecification[] = [
  { id: 'draft-fill', type: 'fill', source: DRAFT, filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': COLOURS.blue, 'fill-opacity': 0.15 } },
  { id: 'draft-casing', type: 'line', source: DRAFT, filter: ['==', ['geometry-type'], 'LineString'], paint: { 'line-color': COLOURS.white, 'line-width': 5 } },
  {
    id: 'draft-line',
    type: 'line',
    source: DRAFT,
    filter: ['==', ['geometry-type'], 'LineString'],
    paint: { 'line-color': COLOURS.ink, 'line-width': 2.5, 'line-dasharray': [2, 1] },
  },
  {
    id: 'draft-vertex',
    type: 'circle',
    source: DRAFT,
    filter: ['==', ['geometry-type'], 'Point'],
    paint: {
      'circle-radius': ['case', ['get', 'first'], 7, 4.5],
      'circle-color': COLOURS.white,
      'circle-stroke-color': COLOURS.ink,
      'circle-stroke-width': 2,
    },
  },
];

export function addDraftLayer(map: MapLibreMap): void {
  map.addSource(DRAFT, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  for (const layer of LAYERS) map.addLayer(layer);
}

/** Draws the vertices so far: a line for two, a polygon from three; the first marked while open. */
export function setDraft(map: MapLibreMap, vertices: Position[], closed: boolean): void {
  const features: Feature[] = vertices.map((coordinates, i) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates },
    properties: { first: i === 0 && !closed },
  }));
  // The outline is a line of its own: a ring that crosses itself has no area, and the map
  // drops such a polygon altogether, outline included, just when the user must see it.
  if (vertices.length >= 2) {
    const outline = vertices.length >= 3 ? [...vertices, vertices[0]!] : vertices;
    features.push({ type: 'Feature', geometry: { type: 'LineString', coordinates: outline }, properties: {} });
  }
  if (vertices.length >= 3) features.push({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [[...vertices, vertices[0]!]] }, properties: {} });
  void map.getSource<GeoJSONSource>(DRAFT)!.setData({ type: 'FeatureCollection', features });
}
