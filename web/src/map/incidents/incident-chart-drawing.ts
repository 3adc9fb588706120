/**
 * The incident chart's SVG: bars of the months stacked by kind of harm, an axis with at most
 * four round gridlines, and the legend's swatches. Okabe–Ito colours, and a pattern on two of
 * the groups so that a greyscale print still tells them apart.
 */
import { el } from '../../shared/dom.js';
import { COLOURS } from '../../shared/palette.js';
import { vocabulary } from '../contested/contested-reasons.js';
import { t, type MessageKey } from '../messages.js';
import { monthName, MONTHS, type Month } from './incident-months.js';
import { CATEGORY_GROUPS, GROUP_COLOURS, GROUPS, type CategoryGroup } from './incident-vocabulary.js';

const SVG = 'http://www.w3.org/2000/svg';

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

export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number> = {}): SVGElementTagNameMap[K] {
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

const [LEFT, RIGHT, TOP, BOTTOM] = [26, 4, 14, 32];
const [WIDTH, HEIGHT] = [300 - LEFT - RIGHT, 150 - TOP - BOTTOM];
const BAND = WIDTH / MONTHS;
const BAR_WIDTH = BAND * 0.7;

function axis(ceiling: number, step: number, y: (value: number) => number): SVGGElement {
  const group = svg('g', { class: 'incident-chart-axis', 'aria-hidden': 'true' });
  for (let value = 0; value <= ceiling; value += step) {
    group.append(
      svg('line', {
        x1: LEFT,
        x2: LEFT + WIDTH,
        y1: y(value),
        y2: y(value),
        stroke: value === 0 ? COLOURS.ink : '#d6d2c8',
        'stroke-width': value === 0 ? 1 : 0.6,
      }),
    );
    const label = svg('text', { x: LEFT - 4, y: y(value) + 3.5, 'text-anchor': 'end' });
    label.textContent = String(value);
    group.append(label);
  }
  return group;
}

/** One month's stacked bar, its total above it, its initial and (in January and first) its year below. */
function bar(month: Month, i: number, y: (value: number) => number, title: string): SVGGElement {
  const x = LEFT + i * BAND + (BAND - BAR_WIDTH) / 2;
  const group = svg('g', { class: 'incident-chart-bar', 'data-month': month.key, 'data-count': month.total });
  const tooltip = svg('title');
  tooltip.textContent = title;
  group.append(tooltip);
  let base = 0;
  for (const kind of GROUPS) {
    const n = month.counts[kind];
    if (n === 0) continue;
    group.append(...paint(kind, x, y(base + n), BAR_WIDTH, y(base) - y(base + n)));
    base += n;
  }
  if (month.total > 0) {
    const total = svg('text', { x: x + BAR_WIDTH / 2, y: y(month.total) - 2.5, 'text-anchor': 'middle', class: 'incident-chart-total' });
    total.textContent = String(month.total);
    group.append(total);
  }
  const name = svg('text', { x: x + BAR_WIDTH / 2, y: TOP + HEIGHT + 11, 'text-anchor': 'middle', 'aria-hidden': 'true' });
  name.textContent = monthName(month.key, 'narrow', false);
  group.append(name);
  // The year under its first month shown and under each January.
  if (i === 0 || month.key.endsWith('-01')) {
    const yearAttributes = {
      x: x + BAR_WIDTH / 2,
      y: TOP + HEIGHT + 23,
      'text-anchor': i === 0 ? 'start' : 'middle',
      class: 'incident-chart-year',
      'aria-hidden': 'true',
    };
    const year = svg('text', yearAttributes);
    year.textContent = month.key.slice(0, 4);
    group.append(year);
  }
  return group;
}

/** Draws the months into the chart's <svg>, each bar with the title `titleOf` gives it. */
export function drawChart(chart: SVGSVGElement, months: Month[], titleOf: (month: Month) => string): void {
  const max = Math.max(1, ...months.map((m) => m.total));
  const step = gridStep(max);
  const ceiling = Math.ceil(max / step) * step;
  const y = (value: number) => TOP + HEIGHT - (value / ceiling) * HEIGHT;
  const bars = svg('g', { class: 'incident-chart-bars' });
  months.forEach((month, i) => bars.append(bar(month, i, y, titleOf(month))));
  chart.replaceChildren(patternDefs(), axis(ceiling, step, y), bars);
}

/** The legend: each group's swatch, its name and the categories it holds. */
export function legendItems(): HTMLLIElement[] {
  return GROUPS.map((group) => {
    const swatch = svg('svg', { width: 14, height: 14, viewBox: '0 0 14 14', 'aria-hidden': 'true' });
    swatch.append(...paint(group, 0.5, 0.5, 13, 13));
    const categories = CATEGORY_GROUPS[group].map((c) => vocabulary('category', c)).join(', ');
    const li = el('li');
    li.dataset.group = group;
    li.append(swatch, el('span', undefined, `${t(GROUP_STYLES[group].label)} (${categories})`));
    return li;
  });
}
