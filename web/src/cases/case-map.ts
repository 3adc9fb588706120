/**
 * The small map beside a case's timeline: its places through time. It opens on everything the
 * case names; choosing a step shows what was in force that day (pale otherwise) and rings what
 * the step rests on. Offline style only; the canvas keeps its picture so that it prints.
 */
import type { FeatureCollection, Geometry } from 'geojson';
import { Map as MapLibreMap, NavigationControl, ScaleControl, setWorkerUrl, type GeoJSONSource } from 'maplibre-gl';
// Under Vite the worker is not found by itself ("Worker failed to load"); the file is self-contained.
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { setBackgroundLanguage } from '../shared/background.js';
import { boundsOf } from '../shared/extent.js';
import { labelFadeDuration, offlineStyle } from '../shared/map-style.js';
import { CASE_LAYERS, SHAPES_SOURCE } from './case-map-layers.js';
import { inForce, type Shape, type ShapeProperties } from './case-shapes.js';
import { getLang, onLangChange, t } from './translate.js';

setWorkerUrl(workerUrl);

export interface CaseMap {
  map: MapLibreMap;
  loaded: Promise<void>;
  /** The case's shapes; fits the view to them. */
  setShapes(shapes: Shape[]): void;
  /** What a step's day shows: `date` null shows everything, `cited` the keys (`incidents-4`) to ring. */
  show(date: string | null, cited: ReadonlySet<string>): void;
  idle(): Promise<void>;
}

export function createCaseMap(container: HTMLElement): CaseMap {
  const map = new MapLibreMap({
    container,
    style: offlineStyle(),
    center: [28.65, -2.2],
    zoom: 11,
    attributionControl: false,
    maplibreLogo: false,
    fadeDuration: labelFadeDuration(),
    // Kept so that the canvas still holds the picture when the page is printed.
    canvasContextAttributes: { preserveDrawingBuffer: true },
  });
  map.addControl(new NavigationControl({ visualizePitch: false, showCompass: false }), 'top-right');
  map.addControl(new ScaleControl({ unit: 'metric', maxWidth: 100 }), 'bottom-left');

  let shapes: Shape[] = [];
  let date: string | null = null;
  let cited: ReadonlySet<string> = new Set();
  /** Until the reader moves the map, it keeps every shape in view, whatever its size (a phone, the printed brief). */
  let movedByReader = false;
  map.on('movestart', (event: { originalEvent?: Event }) => {
    if (event.originalEvent) movedByReader = true;
  });
  const fit = () => {
    const bounds = boundsOf(shapes.map((s) => s.geometry));
    if (bounds) map.fitBounds(bounds, { padding: 30, maxZoom: 14, animate: false });
  };
  map.on('resize', () => {
    if (!movedByReader) fit();
  });

  const loaded = map.once('load').then(() => {
    map.addSource(SHAPES_SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    for (const layer of CASE_LAYERS) map.addLayer(layer);
  });

  const draw = () => {
    const features = shapes.map((s) => ({
      ...s,
      properties: { ...s.properties, cited: cited.has(s.properties.key), in_force: inForce(s.properties, date) } satisfies ShapeProperties,
    }));
    const data: FeatureCollection<Geometry, ShapeProperties> = { type: 'FeatureCollection', features };
    void map.getSource<GeoJSONSource>(SHAPES_SOURCE)?.setData(data);
    container.dataset.date = date ?? '';
    container.dataset.cited = [...cited].sort().join(' ');
    container.dataset.inForce = features
      .filter((f) => f.properties.in_force && f.properties.kind !== 'zone' && f.properties.kind !== 'site' && f.properties.kind !== 'town')
      .map((f) => f.properties.key)
      .sort()
      .join(' ');
  };

  const translate = () => {
    map.getCanvas().setAttribute('aria-label', t('map.label'));
    map.getCanvas().setAttribute('role', 'img');
    for (const [selector, key] of [
      ['.maplibregl-ctrl-zoom-in', 'map.zoomIn'],
      ['.maplibregl-ctrl-zoom-out', 'map.zoomOut'],
    ] as const) {
      const button = container.querySelector<HTMLButtonElement>(selector);
      button?.setAttribute('title', t(key));
      button?.setAttribute('aria-label', t(key));
    }
    setBackgroundLanguage(map, getLang());
  };
  onLangChange(translate);
  translate();

  return {
    map,
    loaded,
    setShapes(next) {
      shapes = next;
      draw();
      fit();
    },
    show(nextDate, nextCited) {
      date = nextDate;
      cited = nextCited;
      draw();
    },
    async idle() {
      const idle = map.once('idle');
      map.triggerRepaint();
      await idle;
    },
  };
}
