/**
 * Militarised route segments (`GET /api/analysis/routes`, rules R8 and R9): drawn over the
 * ordinary routes as a thick vermillion dashed line on a dark casing, so that they stand out
 * in colour and in greyscale alike, and explained in the feature popup (route, rules, evidence).
 * At the zooms where a whole territory is in view a segment is a few pixels long, under the
 * symbols of the town it runs through: there the line widens and a wide band of vermillion and
 * ink stripes lies under it (a pattern, so that it reads in greyscale too), fading out as the
 * map zooms in to where the dashes read by themselves.
 */
import type { MilitarisedRoutes, RouteSegment, RouteSummary } from '../../../../server/analysis/militarised-routes/militarised-routes-schema.js';
import type { ExpressionSpecification, GeoJSONSource, LayerSpecification, Map as MapLibreMap, PointLike } from 'maplibre-gl';
import { getJson } from '../../shared/api.js';
import { areaParam, type Area } from '../analysis-area.js';
import { el } from '../../shared/dom.js';
import { formatNumber, t } from '../messages.js';
import { COLOURS } from '../../shared/palette.js';
import type { SymbolName } from '../layers/symbols.js';
import { evidenceText, type SegmentEvidence } from './route-evidence.js';

/** The server's own shapes (server/analysis/militarised-routes/militarised-routes-schema.ts; type-only: no server code enters the bundle). */
export type { RouteSegment, SegmentEvidence };

export const ROUTE_RISK_SOURCE = 'militarised-routes';
export const ROUTE_RISK_LAYER_IDS = ['militarised-routes-casing', 'militarised-routes-line'] as const;
const HALO_LAYER_ID = 'militarised-routes-halo';
const HALO_PATTERN: SymbolName = 'route-risk-stripes';
/** The map's line at street zooms: dashes in line widths, as MapLibre counts them; the striped band seen from afar. */
export const ROUTE_RISK_STYLE = { colour: COLOURS.vermillion, width: 5, casing: COLOURS.ink, casingWidth: 9, dash: [2, 1], halo: HALO_PATTERN } as const;

/** Wider when zoomed out (a territory in view), the style's own widths from zoom 12 on. */
const byZoom = (atTerritory: number, atStreet: number): ExpressionSpecification => ['interpolate', ['linear'], ['zoom'], 8, atTerritory, 12, atStreet];

const LAYERS: LayerSpecification[] = [
  {
    id: HALO_LAYER_ID,
    type: 'line',
    source: ROUTE_RISK_SOURCE,
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: {
      'line-pattern': ROUTE_RISK_STYLE.halo,
      'line-width': byZoom(34, 14),
      'line-opacity': ['interpolate', ['linear'], ['zoom'], 8, 0.9, 11, 0.6, 13, 0],
    },
  },
  {
    id: ROUTE_RISK_LAYER_IDS[0],
    type: 'line',
    source: ROUTE_RISK_SOURCE,
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': ROUTE_RISK_STYLE.casing, 'line-width': byZoom(14, ROUTE_RISK_STYLE.casingWidth) },
  },
  {
    id: ROUTE_RISK_LAYER_IDS[1],
    type: 'line',
    source: ROUTE_RISK_SOURCE,
    layout: { 'line-join': 'round' },
    paint: { 'line-color': ROUTE_RISK_STYLE.colour, 'line-width': byZoom(9, ROUTE_RISK_STYLE.width), 'line-dasharray': [...ROUTE_RISK_STYLE.dash] },
  },
];
const ALL_LAYER_IDS = LAYERS.map((l) => l.id);

/** The segments of `date`, over all routes or, with `area`, over the routes touching it (analysis-area.ts). */
export async function fetchRouteRisk(date: string, signal?: AbortSignal, area?: Area): Promise<MilitarisedRoutes> {
  const query = new URLSearchParams({ date });
  if (area) query.set('bbox', areaParam(area));
  return getJson<MilitarisedRoutes>(`api/analysis/routes?${query}`, signal);
}

export interface RouteRisk {
  /**
   * Fetches and draws the militarised segments of `date` (only those of `area` when given);
   * resolves with how many there are. `answer`: the same request, already sent.
   */
  load(date: string, signal: AbortSignal, area?: Area, answer?: Promise<MilitarisedRoutes>): Promise<number>;
  /** A popup section for each militarised segment drawn at a pixel (none when hidden). */
  sectionsAt(point: PointLike): HTMLElement[];
  setVisible(visible: boolean): void;
  /** Draws no segment (the view is too wide to analyse). */
  clear(): void;
  isVisible(): boolean;
}

/** Adds the (empty) overlay; `before` is the first layer it must stay under. */
export function createRouteRisk(map: MapLibreMap, options: { before: string }): RouteRisk {
  map.addSource(ROUTE_RISK_SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  for (const layer of LAYERS) map.addLayer(layer, options.before);
  /** By the numeric id the map knows them by (the API's ids are strings, which MapLibre drops). */
  let segments = new Map<number, RouteSegment>();
  let summaries = new Map<number, RouteSummary>();

  const show = (collection: MilitarisedRoutes | null) => {
    const militarised = (collection?.features ?? []).filter((f) => f.properties.militarised);
    segments = new Map(militarised.map((f, i) => [i + 1, f]));
    summaries = new Map((collection?.routes ?? []).map((r) => [r.route_id, r]));
    // Nested properties cannot be styled anyway: the map gets only what it draws.
    const features = [...segments].map(([id, f]) => ({
      type: 'Feature' as const,
      id,
      geometry: f.geometry,
      properties: { route_id: f.properties.route_id, segment: f.properties.segment },
    }));
    void map.getSource<GeoJSONSource>(ROUTE_RISK_SOURCE)!.setData({ type: 'FeatureCollection', features });
    return militarised.length;
  };

  const section = (segment: RouteSegment): HTMLElement => {
    const p = segment.properties;
    const box = el('section', 'popup-record route-risk-record');
    box.dataset.layer = ROUTE_RISK_SOURCE;
    box.append(el('p', 'popup-layer', t('routeRisk.popupLayer')), el('h3', 'popup-name', p.route_name));
    if (p.segments) box.append(el('p', 'route-risk-segment', t('routeRisk.segment', { segment: p.segment, segments: p.segments })));
    const summary = summaries.get(p.route_id);
    if (summary) {
      box.append(el('p', 'route-risk-share', t('routeRisk.share', { km: formatNumber(summary.militarised_km), total: formatNumber(summary.length_km) })));
    }
    box.append(el('p', 'route-risk-rules', t('routeRisk.rules', { rules: p.rules.join(', ') })));
    box.append(el('h4', 'route-risk-evidence-title', t('routeRisk.evidence')));
    const list = el('ul', 'route-risk-evidence');
    for (const evidence of p.evidence) {
      const li = el('li', undefined, `${evidence.rule} — ${evidenceText(evidence)}`);
      li.dataset.rule = evidence.rule;
      list.append(li);
    }
    box.append(list);
    return box;
  };

  const api: RouteRisk = {
    async load(date, signal, area, answer) {
      try {
        const collection = await (answer ?? fetchRouteRisk(date, signal, area));
        if (signal.aborted) return 0;
        return show(collection);
      } catch (error) {
        if (signal.aborted) return 0;
        // The other layers still load: a failed analysis must not blank the map.
        show(null);
        console.error(error);
        return 0;
      }
    },
    sectionsAt(point) {
      if (!api.isVisible()) return [];
      const ids = new Set(map.queryRenderedFeatures(point, { layers: [...ROUTE_RISK_LAYER_IDS] }).map((f) => Number(f.id)));
      return [...ids].flatMap((id) => {
        const segment = segments.get(id);
        return segment ? [section(segment)] : [];
      });
    },
    clear() {
      show(null);
    },
    setVisible(visible) {
      for (const id of ALL_LAYER_IDS) map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
    },
    isVisible() {
      return map.getLayoutProperty(ROUTE_RISK_LAYER_IDS[0], 'visibility') !== 'none';
    },
  };
  return api;
}
