/**
 * Wiring: the map, the panel (date, notice, legend) and the data loads. Each part lives in
 * its own module; this one only connects them.
 */
import 'maplibre-gl/dist/maplibre-gl.css';
import '../shared/base.css';
import './styles.css';
import { AttributionControl, Map as MapLibreMap, NavigationControl, ScaleControl, setWorkerUrl, type PointLike } from 'maplibre-gl';
// Under Vite the worker is not found by itself ("Worker failed to load"); the file is self-contained.
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { fetchLayer, fetchLayerList, type LayerCollection, type LayerFeature } from '../shared/api.js';
import { createClaimEditor, type ClaimEditor } from './claims/claim-editor.js';
import { createContested, type Contested } from './contested/contested.js';
import { CONTESTED_MARKER_LAYER, addContestedLayers, isContestedVisible, setContestedVisible } from './contested/contested-layer.js';
import { createDateControl, dateFromAddress, today } from './date-control.js';
import { createExportDialog } from './export/export-dialog.js';
import { boundsOf } from '../shared/extent.js';
import { getLang, onLangChange, t, type Localized } from './messages.js';
import { createIncidentChart, type IncidentChart } from './incidents/incident-chart.js';
import { createIncidentEditor, type IncidentEditor } from './incidents/incident-editor.js';
import { createIncidentFilter, type IncidentFilter } from './incidents/incident-filter.js';
import { createLanguageSwitch } from '../shared/language-switch.js';
import { createSessionBar } from '../shared/session-bar.js';
import {
  CONTESTED_OVERLAY,
  ROUTE_RISK_OVERLAY,
  DATA_LAYERS,
  HIDDEN_AT_START,
  POINT_LAYER_IDS,
  addDataLayers,
  isLayerVisible,
  setLayerData,
  setLayerVisible,
  type DataLayerName,
  type ToggleableLayer,
} from './layers/layers.js';
import type { RecordFilter } from './layers/layer-filter.js';
import { createLegend } from './layers/legend.js';
import { createPresenceFilter } from './layers/presence-filter.js';
import { createRouteRisk, type RouteRisk } from './routes/route-risk.js';
import { offlineStyle } from '../shared/map-style.js';
import { createNotice } from './notice.js';
import { createFeaturePopup } from './layers/popup.js';
import { createStatus } from '../shared/status.js';

export interface RiskMapHandle {
  map: MapLibreMap;
  /** Resolves once every layer's data is on the map and the map has finished drawing it. */
  ready: Promise<void>;
}

declare global {
  interface Window {
    __riskmap?: RiskMapHandle;
  }
}

setWorkerUrl(workerUrl);

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function translatePage(): void {
  document.documentElement.lang = getLang();
  document.title = t('app.title');
  byId('app-title').textContent = t('app.title');
  byId('app-subtitle').textContent = t('app.subtitle');
  byId('panel').setAttribute('aria-label', t('panel.label'));
  byId('skip-to-map').textContent = t('skip.map');
  byId('priorities-link').textContent = t('nav.priorities');
}
translatePage();
onLangChange(translatePage);
createLanguageSwitch(byId('language-switch'));
const sessionBar = createSessionBar(byId('session-bar'), { page: 'map' });

// South Kivu's mining areas, until the data says where to look.
const map = new MapLibreMap({
  container: 'map',
  style: offlineStyle(),
  center: [28.85, -2.1],
  zoom: 9,
  attributionControl: false,
  maplibreLogo: false,
});
map.addControl(new NavigationControl({ visualizePitch: false }), 'top-right');
map.addControl(new ScaleControl({ unit: 'metric', maxWidth: 140 }), 'bottom-left');
map.addControl(
  new AttributionControl({ compact: false, customAttribution: ['IPIS (ODC-BY 1.0)', 'CAMI / Global Forest Watch'] }),
  'bottom-right',
);

/** MapLibre's own control texts are fixed at creation; these follow the page's language. */
function translateMap(): void {
  map.getCanvas().setAttribute('aria-label', t('map.label'));
  const controls: Array<[string, Parameters<typeof t>[0]]> = [
    ['.maplibregl-ctrl-zoom-in', 'map.zoomIn'],
    ['.maplibregl-ctrl-zoom-out', 'map.zoomOut'],
    ['.maplibregl-ctrl-compass', 'map.resetBearing'],
  ];
  for (const [selector, key] of controls) {
    const button = map.getContainer().querySelector<HTMLButtonElement>(selector);
    button?.setAttribute('title', t(key));
    button?.setAttribute('aria-label', t(key));
  }
}
translateMap();
onLangChange(translateMap);

const records = new Map<DataLayerName, Map<number, LayerFeature>>();
const titles = new Map<string, Localized>();
const status = createStatus(byId('status'), t);
const notice = createNotice(byId('notice'));

const popup = createFeaturePopup(map, {
  title: (layer) => titles.get(layer) ?? { fr: layer, en: layer },
  record: (layer, id) => records.get(layer)?.get(id),
  sectionsAt: (point) => routeRisk?.sectionsAt(point) ?? [],
  actions: (layer, record) => (layer === 'incidents' ? (incidentEditor?.popupActions(record) ?? []) : []),
});
// The popup's texts were written in the language of the moment it opened.
onLangChange(() => popup.close());
/** Both exist once the map has loaded; until then a click has nothing to show. */
let editor: ClaimEditor | undefined;
let contested: Contested | undefined;
let routeRisk: RouteRisk | undefined;
let incidentEditor: IncidentEditor | undefined;
let incidentFilter: IncidentFilter | undefined;
let incidentChart: IncidentChart | undefined;
/** The panel's filters, by the layer they filter: what the legend and the status line count. */
const filters: Partial<Record<DataLayerName, RecordFilter>> = {};
/** The records of a layer that its filter lets through: what the map draws. */
const shown = (name: DataLayerName) => [...(records.get(name)?.values() ?? [])].filter((f) => filters[name]?.matches(f) ?? true);
/** A filter changed: the counts, the status line and the chart follow what is drawn. */
function filtersChanged(): void {
  legend?.setCounts(Object.fromEntries(DATA_LAYERS.map((name) => [name, shown(name).length])));
  if (shownDate) summarise(shownDate);
  incidentChart?.refresh();
}
/**
 * Opens what lies at a pixel: the popup of the records there, and the details of a contested
 * zone there. The map moves to the zone only when the click was aimed at it (its area, or its
 * marker where no record is drawn over it): a click on an incident inside a small zone must
 * not carry the incident off the screen.
 */
function openAt(point: PointLike): void {
  popup.openAt(point);
  incidentChart?.selectAt(point);
  const [top] = map.queryRenderedFeatures(point, { layers: [...POINT_LAYER_IDS, CONTESTED_MARKER_LAYER] });
  contested?.selectAt(point, { fit: top === undefined || top.layer.id === CONTESTED_MARKER_LAYER });
}
map.on('click', (event) => {
  // While a claim is being drawn, clicks place its vertices and show nothing.
  if (editor?.handleClick(event) || incidentEditor?.handleClick(event)) return;
  openAt(event.point);
});
map.getCanvas().addEventListener('keydown', (event) => {
  if (editor?.handleMapKey(event) || incidentEditor?.handleMapKey(event)) return;
  // A keyboard user cannot click: Enter shows what lies at the centre of the map.
  if (event.key === 'Enter') {
    // Otherwise the keypress that follows lands on the popup's close button, focused on opening, and closes it.
    event.preventDefault();
    const { width, height } = map.getCanvas().getBoundingClientRect();
    openAt([width / 2, height / 2]);
  }
});
map.getContainer().addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && map.getContainer().querySelector('.maplibregl-popup')) {
    popup.close();
    map.getCanvas().focus();
  }
});

// The map comes after the whole legend in tab order; this lets a keyboard user jump to it.
byId('skip-to-map').addEventListener('click', (event) => {
  event.preventDefault();
  map.getCanvas().focus();
});

let currentLoad: AbortController | null = null;
/** The date whose records are on the map, null while a load runs. */
let shownDate: string | null = null;

/** Fetches every layer as of `date`, puts them on the map and waits until the map has drawn them. */
async function loadLayers(date: string, options: { fit: boolean }): Promise<void> {
  currentLoad?.abort();
  const load = new AbortController();
  currentLoad = load;
  shownDate = null;
  status.set({ kind: 'loading' });
  const [contestedCount, collections, routeRiskCount] = await Promise.all([
    contested?.load(date, load.signal),
    Promise.all(DATA_LAYERS.map(async (name) => [name, await fetchLayer(name, date, load.signal)] as [DataLayerName, LayerCollection])),
    routeRisk?.load(date, load.signal),
  ]);
  if (load.signal.aborted) return;
  incidentFilter?.setAsOf(date);

  const counts: Partial<Record<ToggleableLayer, number>> = { [CONTESTED_OVERLAY]: contestedCount ?? 0, [ROUTE_RISK_OVERLAY]: routeRiskCount ?? 0 };
  for (const [name, collection] of collections) {
    records.set(name, new Map(collection.features.map((f) => [f.id, f])));
    setLayerData(map, name, collection);
    counts[name] = shown(name).length;
  }
  legend?.setCounts(counts);
  popup.close();

  if (options.fit) {
    const drawn = collections.filter(([name]) => !HIDDEN_AT_START.has(name)).flatMap(([, c]) => c.features.map((f) => f.geometry));
    const bounds = boundsOf(drawn);
    // More room on the right, where the place labels run out from their dot.
    if (bounds) map.fitBounds(bounds, { padding: { top: 48, bottom: 48, left: 48, right: 96 }, maxZoom: 14, animate: false });
  }
  await map.once('idle');
  if (load.signal.aborted) return;
  shownDate = date;
  summarise(date);
  incidentChart?.refresh();
}

/** Counts only what can be seen: a hidden layer's records are neither "shown" nor flagged. */
function summarise(date: string): void {
  const visible = DATA_LAYERS.filter((name) => isLayerVisible(map, name)).flatMap(shown);
  status.set({ kind: 'ready', count: visible.length, date });
  notice.setIllustrativeCount(visible.filter((f) => f.properties.illustrative === true).length);
}

let legend: ReturnType<typeof createLegend> | undefined;

const ready = (async () => {
  const [layerList] = await Promise.all([fetchLayerList(), map.once('load')]);
  for (const layer of layerList) titles.set(layer.name, layer.title);
  addDataLayers(map);
  // Over the claims and routes, under the point records that must stay clickable.
  addContestedLayers(map, { before: 'cooperatives-point' });
  contested = createContested(map, { list: byId('contested'), details: byId('contested-details') });
  // Over the ordinary routes (and the contested zones), under the point records.
  routeRisk = createRouteRisk(map, { before: 'cooperatives-point' });
  filters.presence = createPresenceFilter(byId('presence-filter'), map, filtersChanged);
  filters.incidents = incidentFilter = createIncidentFilter(byId('incident-filter'), map, filtersChanged);
  incidentChart = createIncidentChart(byId('incident-chart'), map, {
    incidents: () => [...(records.get('incidents')?.values() ?? [])].filter((f) => incidentFilter!.matchesKind(f)),
    asOfDate: () => shownDate,
    zone: (id) => records.get('zones')?.get(id),
    contestedAt: (point) => contested?.zoneAt(point),
  });
  legend = createLegend(byId('legend'), {
    titles,
    isVisible: (layer) =>
      layer === CONTESTED_OVERLAY ? isContestedVisible(map) : layer === ROUTE_RISK_OVERLAY ? routeRisk!.isVisible() : isLayerVisible(map, layer),
    onToggle: (layer, visible) => {
      if (layer === CONTESTED_OVERLAY) setContestedVisible(map, visible);
      else if (layer === ROUTE_RISK_OVERLAY) routeRisk?.setVisible(visible);
      else setLayerVisible(map, layer, visible);
      if (shownDate) summarise(shownDate);
    },
  });
  const dateControl = createDateControl(byId('date-control'), dateFromAddress() ?? today(), (date) => {
    loadLayers(date, { fit: false }).catch(showLoadError);
  });
  editor = createClaimEditor(byId('claim-editor'), map, {
    asOfDate: () => dateControl.value,
    onStart: () => popup.close(),
    onSaved: () => loadLayers(dateControl.value, { fit: false }).catch(showLoadError),
  });
  // The server refuses writes from other roles anyway; this spares viewers and partners a tool that cannot work for them.
  const mayEdit = sessionBar.session.then((session) => session?.role === 'editor' || session?.role === 'admin');
  void mayEdit.then((may) => {
    if (!may) byId('claim-editor').hidden = true;
  });
  incidentEditor = createIncidentEditor(byId('incident-editor'), map, {
    mayEdit,
    asOfDate: () => dateControl.value,
    onStart: () => popup.close(),
    onSaved: () => loadLayers(dateControl.value, { fit: false }).catch(showLoadError),
  });
  await loadLayers(dateControl.value, { fit: true });
})();

function showLoadError(error: unknown): void {
  if (error instanceof DOMException && error.name === 'AbortError') return;
  status.set({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
  console.error(error);
}
ready.catch(showLoadError);

// Layer titles come with the layer list; until then the dialog names layers as the API does.
createExportDialog(byId('export'), { map, title: (layer) => titles.get(layer) });

window.__riskmap = { map, ready };
