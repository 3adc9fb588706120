/**
 * The working group's priorities page (issue 5): ranked places, their factors, live weights,
 * a deployment plan and exports. Each part is its own module; this one holds the state —
 * what is asked, what came back — and connects them.
 */
import 'maplibre-gl/dist/maplibre-gl.css';
import '../shared/base.css';
import './priorities.css';
import { fetchPlan, fetchRanking, placeKey, type PlaceFeature, type Plan, type PlanObjective, type Ranking } from './api.js';
import { areaLabel, createAreaControls } from './area-controls.js';
import { el } from '../shared/dom.js';
import { createExportPanel } from './export-panel.js';
import { createFactorLegend } from './factor-legend.js';
import { DEFAULT_HALF_LIFE_DAYS } from './factors.js';
import { createLanguageSwitch } from '../shared/language-switch.js';
import { createSessionBar } from '../shared/session-bar.js';
import { createMapLegend } from './map-legend.js';
import { createMapView } from './map-view.js';
import { createPatternDefs } from './patterns.js';
import { createPlaceDetails } from './place-details.js';
import { createPlanPanel } from './plan-panel.js';
import { createPrintSummary } from './print-summary.js';
import { queryFromAddress, rankingSearch, sameQuery, writeAddress, type RankingQuery } from './query.js';
import { createRankingTable } from './ranking-table.js';
import { createStatus } from '../shared/status.js';
import { getLang, onLangChange, t } from './translate.js';
import { createWeightControls, type ChangeCause } from './weight-controls.js';

/** Long enough that dragging a slider asks once, short enough to feel live. */
const REFETCH_DELAY_MS = 300;

const byId = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

let query: RankingQuery = queryFromAddress(location.search);
let ranking: Ranking | null = null;
let plan: Plan | null = null;
let selectedKey: string | null = null;
let rankRequest: AbortController | null = null;
let planRequest: AbortController | null = null;
let pending: ReturnType<typeof setTimeout> | undefined;

document.body.prepend(createPatternDefs());
createLanguageSwitch(byId('language-switch'));
createSessionBar(byId('session-bar'), { page: 'priorities' });
const status = createStatus(byId('status'), t);
createFactorLegend(byId('factor-legend'));
const printSummary = createPrintSummary(
  byId('print-summary'),
  () => query,
  () => areaLabel(ranking?.area ?? null) ?? '',
);
const mapView = createMapView(byId('map'), (key) => select(key));
const mapLegend = createMapLegend(byId('map-legend'));
const table = createRankingTable(byId('ranking-table'), { detailsId: 'details', onSelect: (key) => select(key) });
const details = createPlaceDetails(byId('details'), () => ({ halfLifeDays: DEFAULT_HALF_LIFE_DAYS, radiusKm: query.radiusKm }));
const exports = createExportPanel(byId('export'), { ranking: () => ranking, plan: () => plan, query: () => query });

const findPlace = (key: string | null): PlaceFeature | null => (key && ranking?.features.find((f) => placeKey(f.properties) === key)) || null;

function select(key: string): void {
  selectedKey = key;
  const place = findPlace(key);
  table.setSelected(key);
  details.show(place);
  mapView.select(place);
}

function showPlan(next: Plan | null): void {
  plan = next;
  mapView.showPlan(next);
  table.setCovered(new Map((next?.features ?? []).flatMap((f) => f.properties.covers.map((key) => [key, f.properties.order] as const))));
  exports.refresh();
}

/** Fetches and shows the ranking for the current query; a newer call supersedes an older one. */
async function rank(options: { fit: boolean }): Promise<void> {
  rankRequest?.abort();
  const request = new AbortController();
  rankRequest = request;
  status.set({ kind: 'loading' });
  const asked = query;
  const next = await fetchRanking(asked, request.signal);
  await mapView.loaded;
  if (request !== rankRequest) return;
  ranking = next;
  table.render(next);
  areaControls.update(next.area, next.areas);
  translatePage();
  printSummary.refresh();
  mapView.showRanking(next, options);
  mapLegend.update(next);
  // The chosen place keeps its place in the new ranking, with its new numbers.
  const place = findPlace(selectedKey);
  if (!place) selectedKey = null;
  table.setSelected(selectedKey);
  details.show(place);
  mapView.highlight(selectedKey);
  byId('ranking').dataset.query = rankingSearch(asked);
  status.set({ kind: 'ready', count: next.features.length, date: asked.date });
  exports.refresh();
}

function showRankError(error: unknown): void {
  if (error instanceof DOMException && error.name === 'AbortError') return;
  status.set({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
  console.error(error);
}

/** The settings changed: the address, the back link and the printed heading follow, and a plan made for the old ones goes. */
function changeQuery(next: RankingQuery): void {
  if (sameQuery(next, query)) return;
  query = next;
  writeAddress(query);
  updateBackLink();
  printSummary.refresh();
  planRequest?.abort();
  if (plan) {
    showPlan(null);
    planPanel.setStale();
  }
}

function onControlsChange(state: { date: string; weights: RankingQuery['weights'] }, cause: ChangeCause): void {
  changeQuery({ ...query, ...state });
  clearTimeout(pending);
  // Sliders fire on every step: wait until they rest. A date or a reset asks at once.
  if (cause === 'weight') pending = setTimeout(() => void rank({ fit: false }).catch(showRankError), REFETCH_DELAY_MS);
  else rank({ fit: false }).catch(showRankError);
}

async function makePlan(units: number, radiusKm: number, objective: PlanObjective): Promise<void> {
  if (radiusKm !== query.radiusKm) {
    changeQuery({ ...query, radiusKm });
    clearTimeout(pending);
    await rank({ fit: false });
  }
  planRequest?.abort();
  const request = new AbortController();
  planRequest = request;
  planPanel.setRunning();
  const asked = query;
  try {
    const next = await fetchPlan(asked, units, objective, request.signal);
    if (request !== planRequest || !sameQuery(asked, query)) return;
    showPlan(next);
    planPanel.setPlan(next);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') return;
    planPanel.setError(error instanceof Error ? error.message : String(error));
    console.error(error);
  }
}

const planPanel = createPlanPanel(byId('plan'), {
  radiusKm: query.radiusKm,
  onPlan: (units, radiusKm, objective) => void makePlan(units, radiusKm, objective).catch(showRankError),
  onClear: () => {
    planRequest?.abort();
    showPlan(null);
    planPanel.setPlan(null);
  },
  onSelect: (key) => select(key),
});
createWeightControls(byId('weights'), { date: query.date, weights: query.weights }, onControlsChange);

// The area first among the controls: it decides what the rest is about.
const areaSection = el('section', 'prio-section');
areaSection.id = 'area';
byId('controls').prepend(areaSection);
const areaControls = createAreaControls(areaSection, { province: query.province, territory: query.territory }, (choice) => {
  changeQuery({ ...query, ...choice });
  clearTimeout(pending);
  selectedKey = null;
  rank({ fit: true }).catch(showRankError);
});

function updateBackLink(): void {
  const link = byId<HTMLAnchorElement>('back-link');
  link.href = `./index.html?date=${encodeURIComponent(query.date)}`;
}

function translatePage(): void {
  document.documentElement.lang = getLang();
  // The title follows the area shown, once the ranking has said which it is.
  const area = areaLabel(ranking?.area ?? null);
  const title = area === null ? t('page.title') : t('page.titleArea', { area });
  document.title = title;
  byId('page-title').textContent = title;
  byId('page-subtitle').textContent = area === null ? '' : t('page.subtitle', { area });
  byId('back-link').textContent = t('page.back');
  byId('cases-link').textContent = t('page.cases');
  byId('changes-link').textContent = t('page.changes');
  byId('skip-to-table').textContent = t('skip.table');
  byId('notice-illustrative').textContent = t('notice.illustrative');
  byId('notice-absence').textContent = t('notice.absence');
  byId('controls').setAttribute('aria-label', t('controls.label'));
}
translatePage();
onLangChange(translatePage);
updateBackLink();
writeAddress(query);

/** Resolves once the first ranking is in the table and drawn on the map. */
const ready = (async () => {
  await rank({ fit: true });
  await mapView.idle();
})();
ready.catch(showRankError);

// The browser tests' handle (tests/web/browser-harness.ts), the same shape as the map page's.
window.__riskmap = { map: mapView.map, ready };
