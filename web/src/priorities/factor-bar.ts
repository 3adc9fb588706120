/**
 * A row's need as a stacked bar: positive contributions to the right of a zero line, in
 * the factors' order, existing Mining Police coverage to its left. Every row shares one
 * scale so bars compare down the table.
 */
import type { FactorResult, PlaceFeature } from './api.js';
import { FACTOR_STYLES, NEGATIVE_FACTOR } from './factors.js';
import { patternId } from './patterns.js';
import { svg } from './svg.js';
import { formatNumber, t } from './translate.js';

export const BAR_WIDTH = 200;
const BAR_HEIGHT = 20;
/** Narrower segments carry no letter: it would not fit; the legend and tooltip still name them. */
const MIN_LABELLED = 11;

export interface BarScale {
  /** Largest sum of positive contributions of any row. */
  positive: number;
  /** Largest subtracted coverage of any row, as a positive number. */
  negative: number;
}

export function barScale(features: readonly PlaceFeature[]): BarScale {
  let positive = 0;
  let negative = 0;
  for (const f of features) {
    positive = Math.max(
      positive,
      f.properties.factors.reduce((s, x) => s + Math.max(0, x.contribution), 0),
    );
    negative = Math.max(negative, -f.properties.factors.reduce((s, x) => s + Math.min(0, x.contribution), 0));
  }
  return { positive, negative };
}

const segmentText = (f: FactorResult) => t('bar.segment', { factor: t(`factor.${f.factor}`), value: formatNumber(f.contribution) });

export function factorBar(factors: readonly FactorResult[], scale: BarScale): SVGSVGElement {
  const total = scale.positive + scale.negative;
  const perUnit = total > 0 ? (BAR_WIDTH - 2) / total : 0;
  const zero = 1 + scale.negative * perUnit;
  const shown = factors.filter((f) => f.contribution !== 0);
  const parts = shown.map((f) => `${FACTOR_STYLES[f.factor].letter} ${segmentText(f)}`).join('; ');
  const bar = svg('svg', {
    class: 'factor-bar',
    width: BAR_WIDTH,
    height: BAR_HEIGHT,
    viewBox: `0 0 ${BAR_WIDTH} ${BAR_HEIGHT}`,
    role: 'img',
    'aria-label': t('bar.label', { parts: parts || t('bar.none') }),
  });

  let right = zero;
  for (const f of shown) {
    const width = Math.abs(f.contribution) * perUnit;
    const negative = f.factor === NEGATIVE_FACTOR || f.contribution < 0;
    const x = negative ? zero - width : right;
    if (!negative) right += width;
    const segment = svg('g', { class: 'bar-segment', 'data-factor': f.factor });
    const rect = svg('rect', {
      x,
      y: 2,
      width,
      height: BAR_HEIGHT - 4,
      fill: `url(#${patternId(f.factor)})`,
      stroke: '#1a1a1a',
      'stroke-width': 0.75,
    });
    if (negative) rect.setAttribute('stroke-dasharray', '3 2');
    rect.append(svg('title', {}, segmentText(f)));
    segment.append(rect);
    if (width >= MIN_LABELLED) {
      segment.append(
        svg(
          'text',
          { x: x + width / 2, y: BAR_HEIGHT / 2, class: 'segment-letter', 'text-anchor': 'middle', 'dominant-baseline': 'central', 'aria-hidden': 'true' },
          FACTOR_STYLES[f.factor].letter,
        ),
      );
    }
    bar.append(segment);
  }
  // The zero line: where subtraction starts, so a row with coverage reads as "less".
  bar.append(svg('line', { x1: zero, x2: zero, y1: 0, y2: BAR_HEIGHT, stroke: '#1a1a1a', 'stroke-width': 1.5 }));
  return bar;
}
