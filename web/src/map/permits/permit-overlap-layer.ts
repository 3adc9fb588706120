/**
 * Claims and ZEAs on industrial titles (`GET /api/analysis/permit-overlaps`, rule R12): the
 * ground they share drawn over the claims with a black dash-dot line and a pink fill (the
 * line alone tells it apart in grey), and explained in the feature popup: which title, whose,
 * how many hectares.
 */
import type { PermitOverlapFeature, PermitOverlaps } from '../../../../server/analysis/permit-overlaps/permit-overlaps-schema.js';
import type { GeoJSONSource, LayerSpecification, Map as MapLibreMap, PointLike } from 'maplibre-gl';
import { ApiError, getJson } from '../../shared/api.js';
import { el } from '../../shared/dom.js';
import { COLOURS } from '../../shared/palette.js';
import { areaParam, type Area } from '../analysis-area.js';
import { valueLabel } from '../../shared/field-labels.js';
import { formatNumber, getLang, t } from '../messages.js';

export const PERMIT_OVERLAP_SOURCE = 'permit-overlaps';
export const PERMIT_OVERLAP_LAYER_IDS = ['permit-overlaps-fill', 'permit-overlaps-line'] as const;
/** Shared by the map and the legend's swatch. */
export const PERMIT_OVERLAP_STYLE = { fill: COLOURS.purple, fillOpacity: 0.35, line: COLOURS.ink, width: 2, dash: [4, 1.5, 1, 1.5] } as const;

const LAYERS: LayerSpecification[] = [
  {
    id: PERMIT_OVERLAP_LAYER_IDS[0],
    type: 'fill',
    source: PERMIT_OVERLAP_SOURCE,
    paint: { 'fill-color': PERMIT_OVERLAP_STYLE.fill, 'fill-opacity': PERMIT_OVERLAP_STYLE.fillOpacity },
  },
  {
    id: PERMIT_OVERLAP_LAYER_IDS[1],
    type: 'line',
    source: PERMIT_OVERLAP_SOURCE,
    paint: { 'line-color': PERMIT_OVERLAP_STYLE.line, 'line-width': PERMIT_OVERLAP_STYLE.width, 'line-dasharray': [...PERMIT_OVERLAP_STYLE.dash] },
  },
];

/** The encroachments of `date`, over all the data or, with `area`, over what touches it. */
export function fetchPermitOverlaps(date: string, signal?: AbortSignal, area?: Area): Promise<PermitOverlaps> {
  const query = new URLSearchParams({ date });
  if (area) query.set('bbox', areaParam(area));
  return getJson<PermitOverlaps>(`api/analysis/permit-overlaps?${query}`, signal);
}

export interface PermitOverlapLayer {
  /**
   * Fetches and draws the encroachments of `date` (of `area` when given); resolves with how many
   * there are. `answer`: the same request, already sent (the map's first view sends it early).
   */
  load(date: string, signal: AbortSignal, area?: Area, answer?: Promise<PermitOverlaps>): Promise<number>;
  /** A popup section for each encroachment drawn at a pixel (none when hidden). */
  sectionsAt(point: PointLike): HTMLElement[];
  setVisible(visible: boolean): void;
  isVisible(): boolean;
  clear(): void;
}

export function createPermitOverlapLayer(map: MapLibreMap, options: { before: string }): PermitOverlapLayer {
  map.addSource(PERMIT_OVERLAP_SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  for (const layer of LAYERS) map.addLayer(layer, options.before);
  /** By the numeric id the map knows them by (the API's ids are strings, which MapLibre drops). */
  let overlaps = new Map<number, PermitOverlapFeature>();

  const show = (collection: PermitOverlaps | null) => {
    overlaps = new Map((collection?.features ?? []).map((f, i) => [i + 1, f]));
    const features = [...overlaps].map(([id, f]) => ({ type: 'Feature' as const, id, geometry: f.geometry, properties: {} }));
    void map.getSource<GeoJSONSource>(PERMIT_OVERLAP_SOURCE)!.setData({ type: 'FeatureCollection', features });
    return overlaps.size;
  };

  const section = (overlap: PermitOverlapFeature): HTMLElement => {
    const p = overlap.properties;
    const box = el('section', 'popup-record permit-overlap-record');
    box.dataset.layer = PERMIT_OVERLAP_SOURCE;
    box.append(el('p', 'popup-layer', t('permitOverlap.popupLayer')), el('h3', 'popup-name', p.label));
    box.append(el('p', undefined, t('permitOverlap.total', { ha: formatNumber(p.overlap_ha, 1) })));
    const list = el('ul', 'permit-overlap-permits');
    for (const permit of p.permits) {
      const holder = permit.holder ?? t('permitOverlap.noHolder');
      const type = valueLabel('permit_type', permit.permit_type)?.[getLang()] ?? permit.permit_type;
      list.append(el('li', undefined, t('permitOverlap.permit', { code: permit.code, type, holder, ha: formatNumber(permit.overlap_ha, 1) })));
    }
    box.append(list);
    return box;
  };

  const api: PermitOverlapLayer = {
    async load(date, signal, area, answer) {
      try {
        const collection = await (answer ?? fetchPermitOverlaps(date, signal, area));
        return signal.aborted ? 0 : show(collection);
      } catch (error) {
        if (signal.aborted) return 0;
        show(null);
        // The analyses are the working group's: a partner's map simply has no such overlay.
        if (!(error instanceof ApiError && error.status === 403)) console.error(error);
        return 0;
      }
    },
    sectionsAt(point) {
      if (!api.isVisible()) return [];
      const ids = new Set(map.queryRenderedFeatures(point, { layers: [...PERMIT_OVERLAP_LAYER_IDS] }).map((f) => Number(f.id)));
      return [...ids].flatMap((id) => {
        const overlap = overlaps.get(id);
        return overlap ? [section(overlap)] : [];
      });
    },
    clear() {
      show(null);
    },
    setVisible(visible) {
      for (const id of PERMIT_OVERLAP_LAYER_IDS) map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
    },
    isVisible() {
      return map.getLayoutProperty(PERMIT_OVERLAP_LAYER_IDS[0], 'visibility') !== 'none';
    },
  };
  return api;
}
