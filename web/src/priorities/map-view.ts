/**
 * The map beside the table: opens on the ranked places, flies to the one chosen, and shows
 * the plan's units as numbered markers over their coverage circles. Offline style only.
 */
import { Map as MapLibreMap, Marker, NavigationControl, ScaleControl, setWorkerUrl } from 'maplibre-gl';
// Under Vite the worker is not found by itself ("Worker failed to load"); the file is self-contained.
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { el } from '../shared/dom.js';
import { boundsOf } from '../shared/extent.js';
import { labelFadeDuration, offlineStyle } from '../shared/map-style.js';
import { setBackgroundLanguage } from '../shared/background.js';
import { placeKey, type PlaceFeature, type Plan, type Ranking } from './api.js';
import { CLICKABLE_LAYERS, addPriorityLayers, setPlanData, setRankingData, setSelectedKey } from './map-layers.js';
import { placeTitle } from './ranking-table.js';
import { getLang, onLangChange, t } from './translate.js';

setWorkerUrl(workerUrl);

export interface MapView {
  map: MapLibreMap;
  /** Resolves once the style has loaded and the layers exist. */
  loaded: Promise<void>;
  showRanking(ranking: Ranking, options: { fit: boolean }): void;
  /** Marks the chosen place without moving the map. */
  highlight(key: string | null): void;
  /** Marks the chosen place and brings it into view. */
  select(place: PlaceFeature | null): void;
  showPlan(plan: Plan | null): void;
  /** Resolves when the map has drawn the last change. */
  idle(): Promise<void>;
}

export function createMapView(container: HTMLElement, onSelect: (key: string) => void): MapView {
  const map = new MapLibreMap({
    container,
    style: offlineStyle(),
    center: [28.85, -2.1],
    zoom: 9,
    attributionControl: false,
    maplibreLogo: false,
    fadeDuration: labelFadeDuration(),
    // Kept so that the canvas still holds the picture when the page is printed.
    canvasContextAttributes: { preserveDrawingBuffer: true },
  });
  map.addControl(new NavigationControl({ visualizePitch: false }), 'top-right');
  map.addControl(new ScaleControl({ unit: 'metric', maxWidth: 120 }), 'bottom-left');

  const loaded = map.once('load').then(() => {
    addPriorityLayers(map);
    map.on('click', (event) => {
      const [hit] = map.queryRenderedFeatures(event.point, { layers: CLICKABLE_LAYERS });
      const key: unknown = hit?.properties?.key;
      if (typeof key === 'string') onSelect(key);
    });
    for (const layer of CLICKABLE_LAYERS) {
      map.on('mouseenter', layer, () => (map.getCanvas().style.cursor = 'pointer'));
      map.on('mouseleave', layer, () => (map.getCanvas().style.cursor = ''));
    }
  });

  let markers: Marker[] = [];
  let plan: Plan | null = null;

  const drawMarkers = () => {
    for (const marker of markers) marker.remove();
    markers = (plan?.features ?? []).map((f) => {
      // "U1", not "1": the map's plain numbers are ranks.
      const element = el('div', 'plan-unit-marker', `U${f.properties.order}`);
      element.dataset.order = String(f.properties.order);
      element.setAttribute('role', 'img');
      element.setAttribute('aria-label', t('plan.unitMarker', { order: f.properties.order, place: placeTitle(f.properties).main }));
      return new Marker({ element }).setLngLat(f.geometry.coordinates as [number, number]).addTo(map);
    });
  };

  const translate = () => {
    map.getCanvas().setAttribute('aria-label', t('map.label'));
    for (const [selector, key] of [
      ['.maplibregl-ctrl-zoom-in', 'map.zoomIn'],
      ['.maplibregl-ctrl-zoom-out', 'map.zoomOut'],
      ['.maplibregl-ctrl-compass', 'map.resetBearing'],
    ] as const) {
      const button = container.querySelector<HTMLButtonElement>(selector);
      button?.setAttribute('title', t(key));
      button?.setAttribute('aria-label', t(key));
    }
    drawMarkers();
    setBackgroundLanguage(map, getLang());
  };
  onLangChange(translate);
  translate();

  return {
    map,
    loaded,
    showRanking(ranking, { fit }) {
      setRankingData(map, ranking);
      const bounds = fit ? boundsOf(ranking.features.map((f) => f.geometry)) : null;
      if (bounds) map.fitBounds(bounds, { padding: 30, animate: false });
    },
    highlight(key) {
      setSelectedKey(map, key);
    },
    select(place) {
      setSelectedKey(map, place ? placeKey(place.properties) : null);
      if (!place) return;
      if (place.properties.kind === 'zone') {
        const bounds = boundsOf([place.geometry]);
        if (bounds) map.fitBounds(bounds, { padding: 60, maxZoom: 11 });
      } else {
        map.flyTo({ center: place.properties.anchor, zoom: Math.max(map.getZoom(), 11) });
      }
    },
    showPlan(next) {
      plan = next;
      const circles = setPlanData(map, next);
      drawMarkers();
      // The whole plan in view: each unit's reach, wherever the map was.
      const bounds = boundsOf(circles.map((c) => c.geometry));
      if (bounds) map.fitBounds(bounds, { padding: 30 });
    },
    async idle() {
      const idle = map.once('idle');
      map.triggerRepaint();
      await idle;
    },
  };
}
