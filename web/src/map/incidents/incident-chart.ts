/**
 * Incidents per month over the twelve months up to the map's date, for the area the user
 * picked: a ZEA or a contested zone clicked on the map, or, with none picked, the map's
 * current view. Bars are stacked by kind of harm (Okabe–Ito colours, and a pattern on two of
 * them so that a greyscale print still tells them apart); a sentence says what the chart
 * shows, and a table gives every number. Built with DOM APIs only: data enters as text.
 * The counting is incident-months.ts, the SVG incident-chart-drawing.ts, the table
 * incident-chart-table.ts; here the picked area, the words, and when to draw again.
 */
import type { GeoJSONSource, Map as MapLibreMap, PointLike } from 'maplibre-gl';
import type { MultiPolygon, Polygon } from 'geojson';
import type { LayerFeature } from '../../shared/api.js';
import type { ContestedZone } from '../contested/contested-api.js';
import { vocabulary } from '../contested/contested-reasons.js';
import { el } from '../../shared/dom.js';
import { getLang, onLangChange, t } from '../messages.js';
import { COLOURS } from '../../shared/palette.js';
import { drawChart, legendItems, svg } from './incident-chart-drawing.js';
import { drawMonthTable } from './incident-chart-table.js';
import { countByMonth, monthName, MONTHS, type Month } from './incident-months.js';

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

/** "1 incident", "3 incidents"; French keeps 0 singular (its plural rules). */
const incidentCount = (count: number) => t('incidentChart.count', { count });

function monthTitle(month: Month): string {
  const parts = [...month.categories].map(([category, n]) => `${vocabulary('category', category)} ${n}`);
  const count = incidentCount(month.total);
  return t('incidentChart.barTitle', { month: monthName(month.key, 'long'), count: parts.length ? `${count} (${parts.join(', ')})` : count });
}

function areaName(selection: Area): string {
  if (selection.kind === 'view') return t('incidentChart.area.view');
  if (selection.kind === 'zone') return t('incidentChart.area.zone', { name: selection.names.join(' — ') });
  return t('incidentChart.area.contested', { name: selection.names.join(t('contested.versus')) });
}

/** The chart's elements, put in the container in reading order. */
function chartMarkup(container: HTMLElement) {
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
  return { heading, area, reset, help, figure, summary, chart, legend, data, dataSummary, table };
}

/** The picked area, outlined on the map so that the reader sees what is counted. */
function addAreaOutline(map: MapLibreMap): (area: Area) => void {
  map.addSource('incident-chart-area', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  map.addLayer(
    {
      id: 'incident-chart-area',
      type: 'line',
      source: 'incident-chart-area',
      paint: { 'line-color': COLOURS.blue, 'line-width': 3, 'line-dasharray': [2, 1.5] },
    },
    'cooperatives-point',
  );
  return (area) => {
    const features = area.kind === 'view' ? [] : [{ type: 'Feature' as const, geometry: area.geometry, properties: {} }];
    void map.getSource<GeoJSONSource>('incident-chart-area')!.setData({ type: 'FeatureCollection', features });
  };
}

/** The area drawn at a pixel: a contested zone before a ZEA, else the view. */
function areaAt(map: MapLibreMap, point: PointLike, options: IncidentChartOptions): Area {
  const contested = options.contestedAt(point);
  if (contested) {
    const names = [...new Set(contested.properties.claimants.map((c) => c.cooperative_name))];
    return { kind: 'contested', names, geometry: contested.geometry };
  }
  const [zoneFeature] = map.queryRenderedFeatures(point, { layers: ['zones-fill'] });
  const zone = zoneFeature ? options.zone(Number(zoneFeature.id)) : undefined;
  if (zone && (zone.geometry?.type === 'Polygon' || zone.geometry?.type === 'MultiPolygon')) {
    const names = [zone.properties.code, zone.properties.name].filter((v): v is string => typeof v === 'string' && v !== '');
    return { kind: 'zone', names: names.length ? names : [`#${zone.id}`], geometry: zone.geometry };
  }
  return { kind: 'view' };
}

export function createIncidentChart(container: HTMLElement, map: MapLibreMap, options: IncidentChartOptions): IncidentChart {
  const { heading, area, reset, help, figure, summary, chart, legend, data, dataSummary, table } = chartMarkup(container);
  const outline = addAreaOutline(map);

  let selection: Area = { kind: 'view' };

  function select(next: Area): void {
    selection = next;
    outline(next);
    render();
  }

  function render(): void {
    const date = options.asOfDate();
    heading.textContent = t('incidentChart.title');
    area.textContent = areaName(selection);
    reset.textContent = t('incidentChart.reset');
    reset.hidden = selection.kind === 'view';
    dataSummary.textContent = t('incidentChart.data');
    legend.replaceChildren(...legendItems());
    if (!date) return;
    // Drawn from tiles, the page holds none of the incidents one by one: counting the few it holds would mislead.
    const tiled = options.tiledCount();
    figure.hidden = data.hidden = legend.hidden = tiled !== null;
    if (tiled !== null) {
      delete container.dataset.total;
      help.textContent = t('incidentChart.tiled', { count: tiled.toLocaleString(getLang() === 'fr' ? 'fr-FR' : 'en-GB'), date });
      return;
    }
    const months = countByMonth(options.incidents(), date, selection.kind === 'view' ? map.getBounds() : selection.geometry);
    help.textContent = t('incidentChart.help', { date });
    const total = months.reduce((sum, m) => sum + m.total, 0);
    container.dataset.total = String(total);
    const busiest = months.reduce((a, b) => (b.total > a.total ? b : a), months[0]!);
    const range = { from: monthName(months[0]!.key, 'short'), to: monthName(months[MONTHS - 1]!.key, 'short') };
    summary.textContent =
      total === 0
        ? t('incidentChart.summary.none', range)
        : t('incidentChart.summary', { ...range, count: incidentCount(total), peak: monthName(busiest.key, 'long'), peakCount: busiest.total });
    drawChart(chart, months, monthTitle);
    drawMonthTable(table, t('incidentChart.tableCaption', { area: areaName(selection) }), months);
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
    selectAt: (point) => select(areaAt(map, point, options)),
    refresh: render,
  };
}
