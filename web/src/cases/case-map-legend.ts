/** What the case map's symbols mean, in words beside a swatch of each (the colours are Okabe–Ito; size and outline tell them apart too). */
import { el } from '../shared/dom.js';
import type { MessageKey } from './messages.js';
import { onLangChange, t } from './translate.js';

const ENTRIES: Array<[swatch: string, key: MessageKey]> = [
  ['zone', 'legend.zone'],
  ['claim', 'legend.claim'],
  ['presence', 'legend.presence'],
  ['incident', 'legend.incident'],
  ['site', 'legend.site'],
  ['cited', 'legend.cited'],
  ['faded', 'legend.faded'],
];

export function createCaseMapLegend(container: HTMLElement): void {
  const render = () => {
    const heading = el('h3', 'legend-heading', t('legend.heading'));
    const list = el('ul', 'case-legend-list');
    for (const [swatch, key] of ENTRIES) {
      const li = el('li');
      const mark = el('span', `legend-swatch swatch-${swatch}`);
      mark.setAttribute('aria-hidden', 'true');
      li.append(mark, t(key));
      list.append(li);
    }
    container.replaceChildren(heading, list);
  };
  onLangChange(render);
  render();
}
