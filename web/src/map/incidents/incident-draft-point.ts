/**
 * The incident being placed, on top of everything: a ring around the point, in no colour an
 * incident or a presence has on the map, and a dot at its centre.
 */
import type { Position } from 'geojson';
import type { GeoJSONSource, LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import { COLOURS } from '../../shared/palette.js';

const DRAFT = 'incident-draft';

const DRAFT_LAYERS: LayerSpecification[] = [
  {
    id: 'incident-draft-ring',
    type: 'circle',
    source: DRAFT,
    paint: { 'circle-radius': 11, 'circle-opacity': 0, 'circle-stroke-color': COLOURS.blue, 'circle-stroke-width': 3.5 },
  },
  {
    id: 'incident-draft-dot',
    type: 'circle',
    source: DRAFT,
    paint: { 'circle-radius': 3.5, 'circle-color': COLOURS.ink, 'circle-stroke-color': COLOURS.white, 'circle-stroke-width': 1 },
  },
];

export function addDraftPoint(map: MapLibreMap): void {
  map.addSource(DRAFT, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  for (const layer of DRAFT_LAYERS) map.addLayer(layer);
}

/** Draws the point where the incident is placed, or nothing. */
export function setDraftPoint(map: MapLibreMap, position: Position | null): void {
  const features = position ? [{ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: position }, properties: {} }] : [];
  void map.getSource<GeoJSONSource>(DRAFT)!.setData({ type: 'FeatureCollection', features });
}
