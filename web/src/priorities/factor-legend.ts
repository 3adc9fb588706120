/** What each bar segment means: swatch, letter and factor name, redrawn on a language switch. */
import { el } from '../shared/dom.js';
import { FACTORS } from './factors.js';
import { factorSwatch } from './patterns.js';
import { onLangChange, t } from './translate.js';

export function createFactorLegend(container: HTMLElement): void {
  const render = () => {
    const title = el('p', 'factor-legend-title', t('legend.title'));
    const list = el('ul', 'factor-legend-list');
    for (const factor of FACTORS) {
      const item = el('li');
      item.dataset.factor = factor;
      // The swatch carries the letter the bars print, so the two are read together.
      item.append(factorSwatch(factor), el('span', undefined, t(`factor.${factor}`)));
      list.append(item);
    }
    container.replaceChildren(title, list, el('p', 'factor-legend-note', t('legend.negative')));
  };
  onLangChange(render);
  render();
}
