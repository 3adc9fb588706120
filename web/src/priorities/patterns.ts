/**
 * One hatching per factor, defined once for the whole page and referenced by every bar and
 * legend swatch. SVG fills print even when the browser leaves CSS backgrounds out of a
 * print, so the bars survive a black-and-white printer.
 */
import { FACTORS, FACTOR_STYLES, type Factor, type Hatch } from './factors.js';
import { svg } from './svg.js';

const SIZE = 6;

export const patternId = (factor: Factor) => `prio-hatch-${factor}`;

function marks(hatch: Hatch, colour: string): SVGElement[] {
  const stripe = (attrs: Record<string, number>) => svg('rect', { ...attrs, fill: colour, 'fill-opacity': 0.75 });
  switch (hatch) {
    case 'none':
      return [];
    case 'forward':
    case 'backward':
    case 'vertical':
      return [stripe({ x: 0, y: 0, width: 2, height: SIZE })];
    case 'horizontal':
      return [stripe({ x: 0, y: 0, width: SIZE, height: 2 })];
    case 'cross':
      return [stripe({ x: 0, y: 0, width: 1.5, height: SIZE }), stripe({ x: 0, y: 0, width: SIZE, height: 1.5 })];
    case 'dots':
      return [svg('circle', { cx: SIZE / 2, cy: SIZE / 2, r: 1.4, fill: colour, 'fill-opacity': 0.85 })];
  }
}

const ROTATION: Partial<Record<Hatch, number>> = { forward: 45, backward: -45, cross: 45 };

/** An invisible SVG holding the patterns; `display: none` would stop them from painting. */
export function createPatternDefs(): SVGSVGElement {
  const root = svg('svg', { width: 0, height: 0, 'aria-hidden': 'true', focusable: 'false', class: 'pattern-defs' });
  const defs = svg('defs');
  for (const factor of FACTORS) {
    const style = FACTOR_STYLES[factor];
    const pattern = svg('pattern', { id: patternId(factor), patternUnits: 'userSpaceOnUse', width: SIZE, height: SIZE });
    const rotation = ROTATION[style.hatch];
    if (rotation) pattern.setAttribute('patternTransform', `rotate(${rotation})`);
    pattern.append(svg('rect', { x: 0, y: 0, width: SIZE, height: SIZE, fill: style.fill }), ...marks(style.hatch, style.mark));
    defs.append(pattern);
  }
  root.append(defs);
  return root;
}

/** A small swatch of a factor's pattern with its letter, for legends and the breakdown. */
export function factorSwatch(factor: Factor, size = 18): SVGSVGElement {
  const swatch = svg('svg', { width: size, height: size, viewBox: `0 0 ${size} ${size}`, 'aria-hidden': 'true', focusable: 'false', class: 'factor-swatch' });
  const edge: Record<string, string | number> = { stroke: '#1a1a1a', 'stroke-width': 1 };
  if (factor === 'pmh_coverage') edge['stroke-dasharray'] = '3 2';
  swatch.append(
    svg('rect', { x: 0.5, y: 0.5, width: size - 1, height: size - 1, fill: `url(#${patternId(factor)})`, ...edge }),
    svg('text', { x: size / 2, y: size / 2, class: 'segment-letter', 'text-anchor': 'middle', 'dominant-baseline': 'central' }, FACTOR_STYLES[factor].letter),
  );
  return swatch;
}
