/** The map's key: need classes with their bounds for the ranking shown, and the plan's marks. */
import { el } from '../shared/dom.js';
import { COLOURS } from '../shared/palette.js';
import type { Ranking } from './api.js';
import { NEED_COLOURS, SITE_RADII, classBounds } from './need-scale.js';
import { svg } from './svg.js';
import { formatNumber, onLangChange, t } from './translate.js';

function swatch(draw: SVGElement[]): SVGSVGElement {
  const box = svg('svg', { width: 26, height: 18, viewBox: '0 0 26 18', 'aria-hidden': 'true', focusable: 'false' });
  box.append(...draw);
  return box;
}

export function createMapLegend(container: HTMLElement): { update(ranking: Ranking): void } {
  let maxNeed = 0;
  const render = () => {
    const title = el('p', 'map-legend-title', t('mapLegend.title'));
    const classes = el('ul', 'map-legend-classes');
    const bounds = classBounds(maxNeed);
    NEED_COLOURS.forEach((colour, k) => {
      const li = el('li');
      const text = k === 0 ? t('mapLegend.zero') : `≤ ${formatNumber(bounds[k - 1]!, 1)}`;
      li.append(
        swatch([
          svg('rect', { x: 1, y: 3, width: 12, height: 12, fill: colour, 'fill-opacity': 0.6, stroke: COLOURS.ink, 'stroke-width': 1 }),
          svg('circle', { cx: 20, cy: 9, r: SITE_RADII[k]! * 0.6, fill: colour, stroke: COLOURS.ink, 'stroke-width': 1 }),
        ]),
        el('span', undefined, text),
      );
      classes.append(li);
    });
    const marks = el('ul', 'map-legend-marks');
    const mark = (draw: SVGElement[], key: Parameters<typeof t>[0]) => {
      const li = el('li');
      li.append(swatch(draw), el('span', undefined, t(key)));
      marks.append(li);
    };
    mark(
      [svg('rect', { x: 2, y: 3, width: 22, height: 12, fill: 'none', stroke: COLOURS.ink, 'stroke-width': 1.5, 'stroke-dasharray': '3 2' })],
      'mapLegend.zone',
    );
    mark([svg('circle', { cx: 13, cy: 9, r: 5, fill: NEED_COLOURS[3], stroke: COLOURS.ink, 'stroke-width': 1 })], 'mapLegend.site');
    mark([svg('circle', { cx: 13, cy: 9, r: 7, fill: 'none', stroke: COLOURS.blue, 'stroke-width': 3 })], 'mapLegend.selected');
    mark(
      [
        svg('circle', {
          cx: 13,
          cy: 9,
          r: 8,
          fill: COLOURS.skyBlue,
          'fill-opacity': 0.15,
          stroke: COLOURS.blue,
          'stroke-width': 1.5,
          'stroke-dasharray': '3 2',
        }),
        svg('rect', { x: 7, y: 4, width: 12, height: 10, rx: 2, fill: COLOURS.ink }),
        svg('text', { x: 13, y: 9.5, 'text-anchor': 'middle', 'dominant-baseline': 'central', fill: COLOURS.white, 'font-size': 8, 'font-weight': 700 }, 'U'),
      ],
      'mapLegend.unit',
    );
    mark([svg('circle', { cx: 13, cy: 9, r: 7, fill: 'none', stroke: COLOURS.black, 'stroke-width': 2 })], 'mapLegend.covered');
    container.replaceChildren(title, classes, marks);
  };
  onLangChange(render);
  render();
  return {
    update(ranking) {
      maxNeed = Math.max(0, ...ranking.features.map((f) => f.properties.need));
      render();
    },
  };
}
