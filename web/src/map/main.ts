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
import { fetchSitePresence } from './layers/site-presence.js';
import { showIncidentRecency } from './incidents/incident-recency.js';
import { fetchLayer, fetchLayerList, fetchRecord, fetchTileIndex, type LayerCollection, type LayerFeature } from '../shared/api.js';
import { createBottomSheet } from './bottom-sheet.js';
import { createClaimEditor, type ClaimEditor } from './claims/claim-editor.js';
import { createContested, type Contested } from './contested/contested.js';
import { CONTESTED_LAYER_IDS, CONTESTED_MARKER_LAYER, addContestedLayers, isContestedVisible, setContestedVisible } from './contested/contested-layer.js';
import { today } from '../shared/today.js';
import { createDateControl, dateFromAddress } from './date-control.js';
import { createExportDialog } from './export/export-dialog.js';
import { boundsOf } from '../shared/extent.js';
import { getLang, onLangChange, setLang, t, type Localized } from './messages.js';
import { VIEW_HASH, keepInAddress, languageFromAddress, numberFromAddress, viewInAddress } from './page-address.js';
import { createTimelineStrip, type TimelineStrip } from './timeline/timeline-strip.js';
import { createIncidentChart, type IncidentChart } from './incidents/incident-chart.js';
import { createIncidentEditor, type IncidentEditor } from './incidents/incident-editor.js';
import { createIncidentFilter, type IncidentFilter } from './incidents/incident-filter.js';
import { createLanguageSwitch } from '../shared/language-switch.js';
import { createSessionBar } from '../shared/session-bar.js';
import {
  CONTESTED_OVERLAY,
  ROUTE_RISK_OVERLAY,
  PERMIT_OVERLAY,
  DATA_LAYERS,
  HIDDEN_AT_START,
  NOT_FITTED,
  PLACES_SOURCE,
  POINT_LAYER_IDS,
  TILE_SOURCE_SUFFIX,
  dataLayerOf,
  addDataLayers,
  isLayerVisible,
  setLayerData,
  setLayerVisible,
  styleLayerIds,
  type DataLayerName,
  type ToggleableLayer,
} from './layers/layers.js';
import { afterMove, ANALYSIS_MIN_ZOOM, followArea, visibleArea, whatToAsk, type Asked } from './analysis-area.js';
import type { RecordFilter } from './layers/layer-filter.js';
import { createLegend } from './layers/legend.js';
import { createPresenceFilter } from './layers/presence-filter.js';
import { ROUTE_RISK_LAYER_IDS, createRouteRisk, fetchRouteRisk, type RouteRisk } from './routes/route-risk.js';
import { PERMIT_OVERLAP_LAYER_IDS, createPermitOverlapLayer, fetchPermitOverlaps, type PermitOverlapLayer } from './permits/permit-overlap-layer.js';
import { fetchContested } from './contested/contested-api.js';
import { BACKGROUND_CREDIT, labelFadeDuration, offlineStyle } from '../shared/map-style.js';
import { setBackgroundLanguage } from '../shared/background.js';
import { createNotice } from './notice.js';
import { createFeaturePopup } from './layers/popup.js';
import { CELL_COUNT, GEOJSON_LIMIT, hideTiled, showTiled, tooLargeForPage } from './layers/tiled-layers.js';
import { createStatus } from '../shared/status.js';
import { setLongAndShort } from '../shared/dom.js';

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

// The address says what a shared link was looking at; it wins over the language remembered here.
const addressLang = languageFromAddress();
if (addressLang) setLang(addressLang);
onLangChange((lang) => keepInAddress('lang', lang));
/** Whether the page opens on a view named in the address (then it does not fit to the data). */
const openOnAddressView = viewInAddress();

function translatePage(): void {
  document.documentElement.lang = getLang();
  document.title = t('app.title');
  setLongAndShort(byId('app-title'), t('app.title'), t('app.titleShort'));
  byId('app-subtitle').textContent = t('app.subtitle');
  byId('panel').setAttribute('aria-label', t('panel.label'));
  byId('skip-to-map').textContent = t('skip.map');
  setLongAndShort(byId('priorities-link'), t('nav.priorities'), t('nav.prioritiesShort'));
  setLongAndShort(byId('cases-link'), t('nav.cases'), t('nav.casesShort'));
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
  fadeDuration: labelFadeDuration(),
  // The view in the address (#view=zoom/lat/lon), kept up to date as the map moves: a view can be shared.
  hash: VIEW_HASH,
});
map.addControl(new NavigationControl({ visualizePitch: false }), 'top-right');
map.addControl(new ScaleControl({ unit: 'metric', maxWidth: 140 }), 'bottom-left');
map.addControl(
  new AttributionControl({ compact: false, customAttribution: ['IPIS (ODC-BY 1.0)', 'CAMI / Global Forest Watch', BACKGROUND_CREDIT] }),
  'bottom-right',
);

/** MapLibre's own control texts are fixed at creation; these follow the page's language. */
function translateMap(): void {
  setBackgroundLanguage(map, getLang());
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

// On a phone the panel is a sheet over the bottom of the map; the map resizes at once so that a fit that follows uses its new size.
const sheet = createBottomSheet(byId('panel'), {
  first: ['date-control', 'status', 'contested', 'contested-details', 'notice'].map((id) => byId(id)),
  along: byId('timeline'),
  legend: byId('legend'),
  map: byId('map'),
  onResize: () => map.resize(),
});

const records = new Map<DataLayerName, Map<number, LayerFeature>>();
const titles = new Map<string, Localized>();
const status = createStatus(byId('status'), t);
const notice = createNotice(byId('notice'));

const popup = createFeaturePopup(map, {
  title: (layer) => titles.get(layer) ?? { fr: layer, en: layer },
  record: (layer, id) => records.get(layer)?.get(id),
  sectionsAt: (point) => [...(routeRisk?.sectionsAt(point) ?? []), ...(permitOverlaps?.sectionsAt(point) ?? [])],
  actions: (layer, record) => (layer === 'incidents' ? (incidentEditor?.popupActions(record) ?? []) : []),
});
// The popup's texts were written in the language of the moment it opened.
onLangChange(() => popup.close());
/** Both exist once the map has loaded; until then a click has nothing to show. */
let editor: ClaimEditor | undefined;
let contested: Contested | undefined;
let routeRisk: RouteRisk | undefined;
let permitOverlaps: PermitOverlapLayer | undefined;
let incidentEditor: IncidentEditor | undefined;
let incidentFilter: IncidentFilter | undefined;
let incidentChart: IncidentChart | undefined;
let timeline: TimelineStrip | undefined;
/** The panel's filters, by the layer they filter: what the legend and the status line count. */
const filters: Partial<Record<DataLayerName, RecordFilter>> = {};
/** Layers drawn from tiles (too many records for the page), with how many records they hold as of the date shown. */
const tiled = new Map<DataLayerName, number>();
/** The records of a layer that its filter lets through: what the map draws. */
const shown = (name: DataLayerName) => [...(records.get(name)?.values() ?? [])].filter((f) => filters[name]?.matches(f) ?? true);
/** How many records the map shows of a layer: those in the page, or all the layer's records where it is tiled. */
const shownCount = (name: DataLayerName) => tiled.get(name) ?? shown(name).length;
/** A filter changed: the counts, the status line and the chart follow what is drawn. */
function filtersChanged(): void {
  if (incidentFilter) keepInAddress('days', incidentFilter.windowDays());
  legend?.setCounts(Object.fromEntries(DATA_LAYERS.map((name) => [name, shownCount(name)])));
  if (shownDate) summarise(shownDate);
  incidentChart?.refresh();
}
/**
 * Opens what lies at a pixel: the popup of the records there, and the details of a contested
 * zone there. The map moves to the zone only when the click was aimed at it (its area, or its
 * marker where no record is drawn over it): a click on an incident inside a small zone must
 * not carry the incident off the screen.
 */
async function openAt(point: PointLike): Promise<void> {
  const fromTiles = map.queryRenderedFeatures(point).filter((f) => f.source.endsWith(TILE_SOURCE_SUFFIX));
  // A cell stands for many records: show where they are rather than a list.
  const cell = fromTiles.find((f) => f.properties[CELL_COUNT] !== undefined);
  if (cell) {
    map.easeTo({ center: map.unproject(point), zoom: map.getZoom() + 2 });
    return;
  }
  // A tile carries what drawing needs; the popup shows the whole record, as the profile sees it.
  const missing = fromTiles.map((f) => [dataLayerOf(f.source), Number(f.id)] as const).filter(([layer, id]) => !records.get(layer)?.has(id));
  await Promise.all(
    missing.slice(0, 10).map(async ([layer, id]) => {
      const record = await fetchRecord(layer, id, shownDate);
      if (!records.has(layer)) records.set(layer, new Map());
      records.get(layer)!.set(id, record);
    }),
  );
  popup.openAt(point);
  incidentChart?.selectAt(point);
  const [top] = map.queryRenderedFeatures(point, { layers: [...POINT_LAYER_IDS, CONTESTED_MARKER_LAYER] });
  contested?.selectAt(point, { fit: top === undefined || top.layer.id === CONTESTED_MARKER_LAYER });
}
map.on('click', (event) => {
  // While a claim is being drawn, clicks place its vertices and show nothing.
  if (editor?.handleClick(event) || incidentEditor?.handleClick(event)) return;
  openAt(event.point).catch(showLoadError);
});
map.getCanvas().addEventListener('keydown', (event) => {
  if (editor?.handleMapKey(event) || incidentEditor?.handleMapKey(event)) return;
  // A keyboard user cannot click: Enter shows what lies at the centre of the map.
  if (event.key === 'Enter') {
    // Otherwise the keypress that follows lands on the popup's close button, focused on opening, and closes it.
    event.preventDefault();
    const { width, height } = map.getCanvas().getBoundingClientRect();
    openAt([width / 2, height / 2]).catch(showLoadError);
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
/** The analyses' own load: a move of the map can ask them again without reloading the layers. */
let analysisLoad: AbortController | null = null;
/** What the analyses were last asked about (analysis-area.ts). */
let asked: Asked = { kind: 'all' };

/**
 * The contested zones and militarised routes of `date`, over all the data, or over the view when
 * a layer is drawn from tiles, and not at all when that view is too wide (analysis-area.ts): at
 * province scale an analysis of everything took minutes and megabytes for what the user is not
 * looking at.
 */
async function loadAnalyses(date: string, early?: EarlyAnalyses): Promise<void> {
  analysisLoad?.abort();
  const load = new AbortController();
  analysisLoad = load;
  asked = whatToAsk(map, tiled.size > 0);
  // Sent before the map existed, for everything: right only when everything is what is asked.
  const sent = asked.kind === 'all' ? early : undefined;
  if (asked.kind === 'too-wide') {
    contested?.askZoomIn(date, ANALYSIS_MIN_ZOOM);
    routeRisk?.clear();
    permitOverlaps?.clear();
    legend?.setCounts({ [CONTESTED_OVERLAY]: 0, [ROUTE_RISK_OVERLAY]: 0, [PERMIT_OVERLAY]: 0 });
    return;
  }
  const area = asked.kind === 'area' ? asked.area : undefined;
  const [contestedCount, routeRiskCount, permitCount] = await Promise.all([
    contested?.load(date, load.signal, area, sent?.contested),
    routeRisk?.load(date, load.signal, area, sent?.routes),
    permitOverlaps?.load(date, load.signal, area, sent?.permits),
  ]);
  if (load.signal.aborted) return;
  // The legend keeps the layers' own counts: these two are set beside them.
  legend?.setCounts({ [CONTESTED_OVERLAY]: contestedCount ?? 0, [ROUTE_RISK_OVERLAY]: routeRiskCount ?? 0, [PERMIT_OVERLAY]: permitCount ?? 0 });
}

followArea(
  map,
  () => asked,
  () => {
    if (shownDate) loadAnalyses(shownDate).catch(showLoadError);
  },
);
/** The date whose records are on the map, null while a load runs. */
let shownDate: string | null = null;

/** The area the timeline last counted (its bbox), so that a move within the same view asks nothing. */
let timelineArea: string | null = null;
/**
 * The timeline of the view: ten years up to today, so that the strip stays put while the date
 * moves through it. At province scale (layers in tiles) a view wider than the analyses' zoom
 * would count too much: the strip says to zoom in, as the contested list does.
 */
function loadTimeline(): void {
  if (!timeline) return;
  if (tiled.size > 0 && map.getZoom() < ANALYSIS_MIN_ZOOM) {
    timelineArea = null;
    timeline.askZoomIn(ANALYSIS_MIN_ZOOM);
    return;
  }
  const area = visibleArea(map);
  if (area.join(',') === timelineArea) return;
  timelineArea = area.join(',');
  timeline.load(today(), area).catch(showLoadError);
}
// Once the map has stood still (a pan is many moves) and drawn its view.
afterMove(map, () => {
  if (shownDate) loadTimeline();
});

/** What one load asks the server: a page of every layer, and the sites' armed presence, as of `date`. */
function requestLayers(date: string, signal: AbortSignal) {
  const requests = {
    sitePresence: fetchSitePresence(date, signal),
    collections: Promise.all(DATA_LAYERS.map(async (name) => [name, await fetchLayer(name, date, signal, GEOJSON_LIMIT)] as [DataLayerName, LayerCollection])),
  };
  // Awaited by loadLayers; a failure before then (or an abort) must not surface as an unhandled rejection.
  requests.sitePresence.catch(() => undefined);
  requests.collections.catch(() => undefined);
  return requests;
}

/** The analyses of everything as of a date, asked before the map could ask them itself. */
interface EarlyAnalyses {
  contested: ReturnType<typeof fetchContested>;
  routes: ReturnType<typeof fetchRouteRisk>;
  permits: ReturnType<typeof fetchPermitOverlaps>;
}

/**
 * The analyses of everything, once the layers' answers show that the page holds every layer
 * whole (then that is what the map will ask: analysis-area.ts); null when a layer is too large,
 * for then they cover the view, which the map decides once it has loaded.
 */
async function requestEarlyAnalyses(
  date: string,
  collections: Promise<Array<[DataLayerName, LayerCollection]>>,
  signal: AbortSignal,
): Promise<EarlyAnalyses | null> {
  if ((await collections).some(([, c]) => tooLargeForPage(c)) || signal.aborted) return null;
  const early: EarlyAnalyses = {
    contested: fetchContested(date, signal),
    routes: fetchRouteRisk(date, signal),
    permits: fetchPermitOverlaps(date, signal),
  };
  // Awaited by the analyses' loads; a refusal (a partner has no analyses) or an abort must not surface before then.
  for (const answer of [early.contested, early.routes, early.permits] as Array<Promise<unknown>>) answer.catch(() => undefined);
  return early;
}

/**
 * The first load's requests, sent now rather than once MapLibre has started: its worker, style
 * and first frame take a second or more on a slow machine, and the layers' answers arrive
 * meanwhile. The analyses follow the layers' answers at once: asked once the map had loaded
 * and drawn the layers, they went out about 1.4 s after navigation on the demo data (two
 * cores, no GPU); asked here, about 1.0 s, and their answers are in before the map's `load`.
 */
let firstRequests: {
  date: string;
  load: AbortController;
  requests: ReturnType<typeof requestLayers>;
  analyses: Promise<EarlyAnalyses | null>;
} | null = (() => {
  const date = dateFromAddress() ?? today();
  const load = new AbortController();
  const requests = requestLayers(date, load.signal);
  const analyses = requestEarlyAnalyses(date, requests.collections, load.signal);
  analyses.catch(() => undefined);
  return { date, load, requests, analyses };
})();

/** Fetches every layer as of `date`, puts them on the map and waits until the map has drawn them. */
async function loadLayers(date: string, options: { fit: boolean }): Promise<void> {
  currentLoad?.abort();
  const first = firstRequests;
  firstRequests = null;
  if (first && first.date !== date) first.load.abort();
  const load = first?.date === date ? first.load : new AbortController();
  currentLoad = load;
  shownDate = null;
  timeline?.setDate(date);
  status.set({ kind: 'loading' });
  analysisLoad?.abort();
  const requests = first?.date === date ? first.requests : requestLayers(date, load.signal);
  const sitePresence = requests.sitePresence;
  // The sites' armed presence if its answer comes before the layers' (on the first view it usually does).
  let presenceIn: Awaited<typeof sitePresence> | undefined;
  sitePresence.then(
    (presence) => (presenceIn = presence),
    () => undefined,
  );
  const collections = await requests.collections;
  const early = first?.date === date ? await first.analyses : null;
  if (load.signal.aborted) return;
  incidentFilter?.setAsOf(date);

  // A layer with more records than the page asks for is drawn from tiles: no download grows with the province.
  const tooLarge = new Set(collections.filter(([, c]) => tooLargeForPage(c)).map(([name]) => name));
  const tileVersion = tooLarge.size > 0 ? (await fetchTileIndex(load.signal)).version : 0;
  tiled.clear();
  for (const [name, collection] of collections) {
    if (tooLarge.has(name)) {
      tiled.set(name, collection.numberMatched);
      records.set(name, new Map());
      setLayerData(map, name, { type: 'FeatureCollection', features: [] });
      showTiled(map, name, date, tileVersion);
    } else {
      hideTiled(map, name);
      records.set(name, new Map(collection.features.map((f) => [f.id, f])));
      setLayerData(map, name, collection, name === 'sites' ? presenceIn : undefined);
    }
  }
  showIncidentRecency(map, date);
  // For npm run bench:map: the first view's data handed to MapLibre; what follows until the map is idle is its drawing.
  if (first) performance.mark('riskmap:first-data');
  // Sites drawn with their armed-presence rings when the analysis is in, else plain until it is: it
  // never holds back the layers. Drawn once where it can be: each new data is a new round of the
  // map's worker and of frames, 100 ms or more each in software WebGL.
  const sites = collections.find(([name]) => name === 'sites')![1];
  const presenceShown = presenceIn
    ? Promise.resolve()
    : sitePresence.then((presence) => {
        if (!load.signal.aborted && !tiled.has('sites')) setLayerData(map, 'sites', sites, presence);
      });
  presenceShown.catch(() => undefined);
  notice.setTiled([...tiled].map(([name, count]) => ({ title: titles.get(name) ?? { fr: name, en: name }, count })));
  const counts: Partial<Record<ToggleableLayer, number>> = Object.fromEntries(DATA_LAYERS.map((name) => [name, shownCount(name)]));
  legend?.setCounts(counts);
  popup.close();

  if (options.fit) {
    // A tiled layer's first page is a sample of the province, not where the records are: the fit leaves it out.
    const drawn = collections
      .filter(([name]) => !HIDDEN_AT_START.has(name) && !NOT_FITTED.has(name) && !tiled.has(name))
      .flatMap(([, c]) => c.features.map((f) => f.geometry));
    const bounds = boundsOf(drawn);
    // More room on the right, where the place labels run out from their dot.
    if (bounds) map.fitBounds(bounds, { padding: { top: 48, bottom: 48, left: 48, right: 96 }, maxZoom: 14, animate: false });
  }
  // The analyses follow the layers (and the fit, when they cover the view) and never hold back their drawing.
  const analyses = loadAnalyses(date, early ?? undefined);
  // Awaited below; until then a failure (or the abort of a superseded load) must not surface as an unhandled rejection.
  analyses.catch(() => undefined);
  await Promise.all([analyses, presenceShown]);
  if (load.signal.aborted) return;
  await map.once('idle');
  if (load.signal.aborted) return;
  shownDate = date;
  summarise(date);
  incidentChart?.refresh();
  // A move that ended while this load ran found no date shown and asked for no timeline (the same area asks nothing).
  loadTimeline();
}

/** Counts only what can be seen: a hidden layer's records are neither "shown" nor flagged. */
function summarise(date: string): void {
  const visibleLayers = DATA_LAYERS.filter((name) => isLayerVisible(map, name));
  const visible = visibleLayers.flatMap(shown);
  const inTiles = visibleLayers.reduce((sum, name) => sum + (tiled.get(name) ?? 0), 0);
  status.set({ kind: 'ready', count: visible.length + inTiles, date });
  // Generated and other illustrative records in tiles are not counted one by one; the tiled note names those layers.
  notice.setIllustrativeCount(visible.filter((f) => f.properties.illustrative === true).length);
}

let legend: ReturnType<typeof createLegend> | undefined;

/** Whether anything of each shown layer is drawn in the view, for the legend to explain only that. */
function legendInView(): void {
  if (!legend) return;
  const drawnHere = (ids: readonly string[]) => {
    const present = ids.filter((id) => map.getLayer(id));
    return present.length > 0 && map.queryRenderedFeatures({ layers: present }).length > 0;
  };
  const inView: Partial<Record<ToggleableLayer, boolean>> = {};
  for (const name of [...DATA_LAYERS, PLACES_SOURCE] as const) if (isLayerVisible(map, name)) inView[name] = drawnHere(styleLayerIds(map, name));
  if (isContestedVisible(map)) inView[CONTESTED_OVERLAY] = drawnHere(CONTESTED_LAYER_IDS);
  if (routeRisk?.isVisible()) inView[ROUTE_RISK_OVERLAY] = drawnHere(ROUTE_RISK_LAYER_IDS);
  if (permitOverlaps?.isVisible()) inView[PERMIT_OVERLAY] = drawnHere(PERMIT_OVERLAP_LAYER_IDS);
  legend.setInView(inView);
}
// After each drawing settles: a move, a new date, a filter or a toggle all end in one.
map.on('idle', legendInView);

const ready = (async () => {
  // The style, not the map's 'load': that waits for the background's first complete drawing, and the data layers
  // added after it drew everything once more, at 150–600 ms a frame in software WebGL.
  const [layerList] = await Promise.all([fetchLayerList(), map.once('style.load')]);
  for (const layer of layerList) titles.set(layer.name, layer.title);
  addDataLayers(map);
  // Over the claims and routes, under the point records that must stay clickable.
  addContestedLayers(map, { before: 'cooperatives-point' });
  contested = createContested(
    map,
    { list: byId('contested'), details: byId('contested-details') },
    { onCount: (date, count) => sheet.setSummary(date, count), onListOpen: () => sheet.showBesideMap(byId('contested-details')) },
  );
  // Over the ordinary routes (and the contested zones), under the point records.
  routeRisk = createRouteRisk(map, { before: 'cooperatives-point' });
  // Over the claims, under the contested zones: a dispute between cooperatives is the sharper signal.
  permitOverlaps = createPermitOverlapLayer(map, { before: 'contested-tint' });
  filters.presence = createPresenceFilter(byId('presence-filter'), map, filtersChanged);
  filters.incidents = incidentFilter = createIncidentFilter(byId('incident-filter'), map, filtersChanged);
  incidentChart = createIncidentChart(byId('incident-chart'), map, {
    incidents: () => [...(records.get('incidents')?.values() ?? [])].filter((f) => incidentFilter!.matchesKind(f)),
    asOfDate: () => shownDate,
    zone: (id) => records.get('zones')?.get(id),
    contestedAt: (point) => contested?.zoneAt(point),
    tiledCount: () => tiled.get('incidents') ?? null,
  });
  legend = createLegend(byId('legend'), {
    titles,
    isVisible: (layer) =>
      layer === CONTESTED_OVERLAY
        ? isContestedVisible(map)
        : layer === ROUTE_RISK_OVERLAY
          ? routeRisk!.isVisible()
          : layer === PERMIT_OVERLAY
            ? permitOverlaps!.isVisible()
            : isLayerVisible(map, layer),
    onToggle: (layer, visible) => {
      if (layer === CONTESTED_OVERLAY) setContestedVisible(map, visible);
      else if (layer === ROUTE_RISK_OVERLAY) routeRisk?.setVisible(visible);
      else if (layer === PERMIT_OVERLAY) permitOverlaps?.setVisible(visible);
      else setLayerVisible(map, layer, visible);
      if (shownDate) summarise(shownDate);
    },
  });
  const dateControl = createDateControl(byId('date-control'), dateFromAddress() ?? today(), (date) => {
    loadLayers(date, { fit: false }).catch(showLoadError);
  });
  const days = numberFromAddress('days');
  if (days !== null) incidentFilter.setWindowDays(days);
  timeline = createTimelineStrip(byId('timeline'), {
    pick: async (date) => {
      dateControl.set(date);
      // A newer pick (Play's next month, another click) aborts this load: that is no failure to show.
      await loadLayers(date, { fit: false }).catch(showLoadError);
    },
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
  await loadLayers(dateControl.value, { fit: !openOnAddressView });
})();

function showLoadError(error: unknown): void {
  if (error instanceof DOMException && error.name === 'AbortError') return;
  status.set({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
  console.error(error);
}
ready.catch(showLoadError);

// Layer titles come with the layer list; until then the dialog names layers as the API does.
createExportDialog(byId('export'), {
  map,
  title: (layer) => titles.get(layer),
  view: () => (shownDate ? { date: shownDate, incidentDays: incidentFilter?.windowDays() ?? 0 } : null),
});

window.__riskmap = { map, ready };
