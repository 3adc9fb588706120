/**
 * Incidents per month over the twelve months up to the map's date, for the area the user
 * picked: a ZEA or a contested zone clicked on the map, or, with none picked, the map's
 * current view. Bars are stacked by kind of harm (Okabe–Ito colours, and a pattern on two of
 * them so that a greyscale print still tells them apart); a sentence says what the chart
 * shows, and a table gives every number. Built with DOM APIs only: data enters as text.
 */
import { booleanPointInPolygon } from '@turf/turf';
import type { GeoJSONSource, Map as MapLibreMap, PointLike } from 'maplibre-gl';
import type { MultiPolygon, Polygon } from 'geojson';
import type { LayerFeature } from '../../shared/api.js';
import type { ContestedZone } from '../contested/contested-api.js';
import { vocabulary } from '../contested/contested-reasons.js';
import { el } from '../../shared/dom.js';
import { getLang, onLangChange, t, type MessageKey } from '../messages.js';
import { CATEGORY_GROUPS, GROUP_COLOURS, GROUPS, groupOf, type CategoryGroup } from './incident-vocabulary.js';
import { COLOURS } from '../../shared/palette.js';

const SVG = 'http://www.w3.org/2000/svg';
const MONTHS = 12;

type Pattern = 'none' | 'hatch' | 'cross' | 'dots';
/**
 * Bottom of the stack first. The two pairs that come out alike in greyscale (vermillion and
 * blue, purple and grey) are told apart by a pattern on one of each.
 */
export const GROUP_STYLES: Record<CategoryGroup, { colour: string; pattern: Pattern; label: MessageKey }> = {
  violence: { colour: GROUP_COLOURS.violence, pattern: 'none', label: 'incidentChart.group.violence' },
  clash: { colour: GROUP_COLOURS.clash, pattern: 'cross', label: 'incidentChart.group.clash' },
  predation: { colour: GROUP_COLOURS.predation, pattern: 'none', label: 'incidentChart.group.predation' },
  coercion: { colour: GROUP_COLOURS.coercion, pattern: 'hatch', label: 'incidentChart.group.coercion' },
  other: { colour: GROUP_COLOURS.other, pattern: 'dots', label: 'incidentChart.group.other' },
};

/** A ZEA is named by its code and name; a contested zone by its claimants. */
type Area = { kind: 'view' } | { kind: 'zone' | 'contested'; names: string[]; geometry: Polygon | MultiPolygon };

export interface IncidentChartOptions {
  /** The incidents the filters of category and verification let through. */
  incidents(): LayerFeature[];
  /** The date whose records are on the map (null while a load runs). */
  asOfDate(): string | null;
  zone(id: number): LayerFeature | undefined;
  contestedAt(point: PointLike): ContestedZone | undefined;
  /** How many incidents are in force when the map draws them from tiles (more than the page holds), else null. */
  tiledCount(): number | null;
}

export interface IncidentChart {
  /** Picks the area drawn at a pixel, a contested zone before a ZEA; none there: back to the view. */
  selectAt(point: PointLike): void;
  /** Counts again (new data, filters or date). */
  refresh(): void;
}

interface Month {
  key: string;
  counts: Record<CategoryGroup, number>;
  categories: Map<string, number>;
  total: number;
}

/** The twelve months ending with the date's, oldest first, as YYYY-MM. */
export function monthsUpTo(date: string): string[] {
  const [year, month] = date.split('-').map(Number) as [number, number];
  return Array.from({ length: MONTHS }, (_, i) => {
    const m = year * 12 + (month - 1) - (MONTHS - 1 - i);
    return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
  });
}

/** "1 incident", "3 incidents"; French keeps 0 singular. */
const incidentCount = (count: number) => t(count === 1 || (count === 0 && getLang() === 'fr') ? 'incidentChart.count.one' : 'incidentChart.count.many', { count });

const locale = () => (getLang() === 'fr' ? 'fr-FR' : 'en-GB');
const monthName = (key: string, month: 'long' | 'short' | 'narrow', withYear = true) =>
  new Date(`${key}-01T00:00:00Z`).toLocaleDateString(locale(), { month, ...(withYear ? { year: 'numeric' } : {}), timeZone: 'UTC' });

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number> = {}): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  return element;
}

const patternId = (group: CategoryGroup) => `incident-chart-pattern-${group}`;

function patternDefs(): SVGDefsElement {
  const defs = svg('defs');
  for (const group of GROUPS) {
    const { pattern } = GROUP_STYLES[group];
    if (pattern === 'none') continue;
    const tile = svg('pattern', { id: patternId(group), width: 6, height: 6, patternUnits: 'userSpaceOnUse' });
    if (pattern === 'hatch') tile.append(svg('path', { d: 'M-1,7 L7,-1 M-1,1 L1,-1 M5,7 L7,5', stroke: COLOURS.ink, 'stroke-width': 1.2 }));
    if (pattern === 'cross') tile.append(svg('path', { d: 'M0,0 L6,6 M6,0 L0,6', stroke: COLOURS.white, 'stroke-width': 1.1 }));
    if (pattern === 'dots') tile.append(svg('circle', { cx: 3, cy: 3, r: 1.1, fill: COLOURS.ink }));
    defs.append(tile);
  }
  return defs;
}

/** A block of a group's colour with its pattern over it. */
function paint(group: CategoryGroup, x: number, y: number, width: number, height: number): SVGElement[] {
  const { colour, pattern } = GROUP_STYLES[group];
  const box = { x, y, width, height };
  const shapes: SVGElement[] = [svg('rect', { ...box, fill: colour })];
  if (pattern !== 'none') shapes.push(svg('rect', { ...box, fill: `url(#${patternId(group)})` }));
  return shapes;
}

/** A round step for at most four gridlines. */
function gridStep(max: number): number {
  const rough = max / 4;
  const power = 10 ** Math.floor(Math.log10(Math.max(rough, 1)));
  return [1, 2, 5, 10].map((f) => f * power).find((s) => s >= rough) ?? power * 10;
}

const isPoint = (f: LayerFeature): f is LayerFeature & { geometry: { type: 'Point'; coordinates: number[] } } => f.geometry?.type === 'Point';

export function createIncidentChart(container: HTMLElement, map: MapLibreMap, options: IncidentChartOptions): IncidentChart {
  const heading = el('h2', 'incident-chart-heading');
  heading.id = 'incident-chart-title';
  container.setAttribute('aria-labelledby', heading.id);
  // Said when the area changes (a click on the map); the counts are read in the figure.
  const area = el('p', 'incident-chart-area');
  area.setAttribute('aria-live', 'polite');
  area.tabIndex = -1;
  const reset = el('button', 'incident-chart-reset');
  reset.type = 'button';
  const help = el('p', 'help');
  const figure = el('figure', 'incident-chart-figure');
  const summary = el('figcaption', 'incident-chart-summary');
  summary.id = 'incident-chart-summary';
  const chart = svg('svg', { viewBox: '0 0 300 150', role: 'img', 'aria-labelledby': `${heading.id} ${summary.id}`, class: 'incident-chart-svg' });
  const legend = el('ul', 'incident-chart-legend');
  figure.append(chart, summary);
  const data = el('details', 'incident-chart-data');
  const dataSummary = el('summary');
  const table = el('table', 'incident-chart-table');
  data.append(dataSummary, table);
  container.append(heading, area, reset, help, figure, legend, data);

  // The picked area, outlined on the map so that the reader sees what is counted.
  map.addSource('incident-chart-area', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  map.addLayer(
    { id: 'incident-chart-area', type: 'line', source: 'incident-chart-area', paint: { 'line-color': COLOURS.blue, 'line-width': 3, 'line-dasharray': [2, 1.5] } },
    'cooperatives-point',
  );

  let selection: Area = { kind: 'view' };
  let months: Month[] = [];

  function select(next: Area): void {
    selection = next;
    const features = next.kind === 'view' ? [] : [{ type: 'Feature' as const, geometry: next.geometry, properties: {} }];
    map.getSource<GeoJSONSource>('incident-chart-area')!.setData({ type: 'FeatureCollection', features });
    render();
  }

  function count(): void {
    const date = options.asOfDate();
    if (!date) return;
    const keys = monthsUpTo(date);
    const byKey = new Map<string, Month>(
      keys.map((key) => [key, { key, counts: Object.fromEntries(GROUPS.map((g) => [g, 0])) as Record<CategoryGroup, number>, categories: new Map(), total: 0 }]),
    );
    const bounds = map.getBounds();
    const inArea = (lngLat: [number, number]) =>
      selection.kind === 'view' ? bounds.contains(lngLat) : booleanPointInPolygon(lngLat, selection.geometry);
    for (const incident of options.incidents()) {
      const day = String(incident.properties.occurred_on ?? '');
      const month = byKey.get(day.slice(0, 7));
      if (!month || day > date || !isPoint(incident)) continue;
      if (!inArea(incident.geometry.coordinates as [number, number])) continue;
      const category = String(incident.properties.category);
      month.counts[groupOf(category)] += 1;
      month.categories.set(category, (month.categories.get(category) ?? 0) + 1);
      month.total += 1;
    }
    months = [...byKey.values()];
  }

  function drawChart(): void {
    const [left, right, top, bottom] = [26, 4, 14, 32];
    const [width, height] = [300 - left - right, 150 - top - bottom];
    const max = Math.max(1, ...months.map((m) => m.total));
    const step = gridStep(max);
    const ceiling = Math.ceil(max / step) * step;
    const y = (value: number) => top + height - (value / ceiling) * height;
    const band = width / MONTHS;
    const barWidth = band * 0.7;

    const axis = svg('g', { class: 'incident-chart-axis', 'aria-hidden': 'true' });
    for (let value = 0; value <= ceiling; value += step) {
      axis.append(svg('line', { x1: left, x2: left + width, y1: y(value), y2: y(value), stroke: value === 0 ? COLOURS.ink : '#d6d2c8', 'stroke-width': value === 0 ? 1 : 0.6 }));
      const label = svg('text', { x: left - 4, y: y(value) + 3.5, 'text-anchor': 'end' });
      label.textContent = String(value);
      axis.append(label);
    }
    const bars = svg('g', { class: 'incident-chart-bars' });
    months.forEach((month, i) => {
      const x = left + i * band + (band - barWidth) / 2;
      const bar = svg('g', { class: 'incident-chart-bar', 'data-month': month.key, 'data-count': month.total });
      const title = svg('title');
      title.textContent = monthTitle(month);
      bar.append(title);
      let base = 0;
      for (const group of GROUPS) {
        const n = month.counts[group];
        if (n === 0) continue;
        bar.append(...paint(group, x, y(base + n), barWidth, y(base) - y(base + n)));
        base += n;
      }
      if (month.total > 0) {
        const total = svg('text', { x: x + barWidth / 2, y: y(month.total) - 2.5, 'text-anchor': 'middle', class: 'incident-chart-total' });
        total.textContent = String(month.total);
        bar.append(total);
      }
      const name = svg('text', { x: x + barWidth / 2, y: top + height + 11, 'text-anchor': 'middle', 'aria-hidden': 'true' });
      name.textContent = monthName(month.key, 'narrow', false);
      bar.append(name);
      // The year under its first month shown and under each January.
      if (i === 0 || month.key.endsWith('-01')) {
        const year = svg('text', { x: x + barWidth / 2, y: top + height + 23, 'text-anchor': i === 0 ? 'start' : 'middle', class: 'incident-chart-year', 'aria-hidden': 'true' });
        year.textContent = month.key.slice(0, 4);
        bar.append(year);
      }
      bars.append(bar);
    });
    chart.replaceChildren(patternDefs(), axis, bars);
  }

  function monthTitle(month: Month): string {
    const parts = [...month.categories].map(([category, n]) => `${vocabulary('category', category)} ${n}`);
    const count = incidentCount(month.total);
    return t('incidentChart.barTitle', { month: monthName(month.key, 'long'), count: parts.length ? `${count} (${parts.join(', ')})` : count });
  }

  function drawLegend(): void {
    legend.replaceChildren(
      ...GROUPS.map((group) => {
        const swatch = svg('svg', { width: 14, height: 14, viewBox: '0 0 14 14', 'aria-hidden': 'true' });
        swatch.append(...paint(group, 0.5, 0.5, 13, 13));
        const categories = CATEGORY_GROUPS[group].map((c) => vocabulary('category', c)).join(', ');
        const li = el('li');
        li.dataset.group = group;
        li.append(swatch, el('span', undefined, `${t(GROUP_STYLES[group].label)} (${categories})`));
        return li;
      }),
    );
  }

  /** Every number of the chart, and the categories behind each bar, which the colours group. */
  function drawTable(): void {
    const caption = el('caption', undefined, t('incidentChart.tableCaption', { area: areaName() }));
    const head = el('tr');
    head.append(...(['incidentChart.month', 'incidentChart.total', 'incidentChart.detail'] as const).map((key) => el('th', undefined, t(key))));
    const thead = el('thead');
    thead.append(head);
    const tbody = el('tbody');
    for (const month of months) {
      const row = el('tr');
      row.dataset.month = month.key;
      const th = el('th', undefined, monthName(month.key, 'short'));
      th.scope = 'row';
      const detail = [...month.categories].map(([category, n]) => `${vocabulary('category', category)} ${n}`).join(', ');
      row.append(th, el('td', 'incident-chart-row-total', String(month.total)), el('td', 'incident-chart-detail', detail));
      tbody.append(row);
    }
    table.replaceChildren(caption, thead, tbody);
  }

  function areaName(): string {
    if (selection.kind === 'view') return t('incidentChart.area.view');
    if (selection.kind === 'zone') return t('incidentChart.area.zone', { name: selection.names.join(' — ') });
    return t('incidentChart.area.contested', { name: selection.names.join(t('contested.versus')) });
  }

  function render(): void {
    const date = options.asOfDate();
    heading.textContent = t('incidentChart.title');
    area.textContent = areaName();
    reset.textContent = t('incidentChart.reset');
    reset.hidden = selection.kind === 'view';
    dataSummary.textContent = t('incidentChart.data');
    drawLegend();
    if (!date) return;
    // Drawn from tiles, the page holds none of the incidents one by one: counting the few it holds would mislead.
    const tiled = options.tiledCount();
    figure.hidden = data.hidden = legend.hidden = tiled !== null;
    if (tiled !== null) {
      delete container.dataset.total;
      help.textContent = t('incidentChart.tiled', { count: tiled.toLocaleString(getLang() === 'fr' ? 'fr-FR' : 'en-GB'), date });
      return;
    }
    count();
    help.textContent = t('incidentChart.help', { date });
    const total = months.reduce((sum, m) => sum + m.total, 0);
    container.dataset.total = String(total);
    const busiest = months.reduce((a, b) => (b.total > a.total ? b : a), months[0]!);
    const range = { from: monthName(months[0]!.key, 'short'), to: monthName(months[MONTHS - 1]!.key, 'short') };
    summary.textContent =
      total === 0
        ? t('incidentChart.summary.none', range)
        : t('incidentChart.summary', { ...range, count: incidentCount(total), peak: monthName(busiest.key, 'long'), peakCount: busiest.total });
    drawChart();
    drawTable();
  }

  reset.addEventListener('click', () => {
    select({ kind: 'view' });
    // The button hides itself: the focus goes to what it changed.
    area.focus();
  });
  // The view is the area while nothing is picked: it follows the map.
  map.on('moveend', () => {
    if (selection.kind === 'view') render();
  });
  onLangChange(render);
  render();

  return {
    selectAt(point) {
      const contested = options.contestedAt(point);
      if (contested) {
        const names = [...new Set(contested.properties.claimants.map((c) => c.cooperative_name))];
        return select({ kind: 'contested', names, geometry: contested.geometry });
      }
      const [zoneFeature] = map.queryRenderedFeatures(point, { layers: ['zones-fill'] });
      const zone = zoneFeature ? options.zone(Number(zoneFeature.id)) : undefined;
      if (zone && (zone.geometry?.type === 'Polygon' || zone.geometry?.type === 'MultiPolygon')) {
        const names = [zone.properties.code, zone.properties.name].filter((v): v is string => typeof v === 'string' && v !== '');
        return select({ kind: 'zone', names: names.length ? names : [`#${zone.id}`], geometry: zone.geometry });
      }
      select({ kind: 'view' });
    },
    refresh: render,
  };
}
