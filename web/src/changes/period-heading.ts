/**
 * What the list is about, above it on screen and at the top of the printed page: the two
 * dates and the area, and on paper when it was made, since the form that says so on screen
 * does not print.
 */
import { el } from '../shared/dom.js';
import { areaText } from './controls.js';
import type { ChangesQuery } from './query.js';
import { getLang, onLangChange, t } from './translate.js';

export interface PeriodHeading {
  show(query: ChangesQuery): void;
}

export function createPeriodHeading(container: HTMLElement, initial: ChangesQuery): PeriodHeading {
  let query = initial;
  const period = el('p', 'changes-period');
  period.id = 'changes-period';
  const area = el('p', 'changes-period-area');
  area.id = 'changes-period-area';
  const generated = el('p', 'changes-generated');
  container.append(period, area, generated);
  const render = () => {
    period.textContent = t('heading.period', { from: query.from, to: query.to });
    area.textContent = t('heading.area', { area: areaText(query.bbox) });
    generated.textContent = t('heading.generated', {
      when: new Date().toLocaleString(getLang() === 'en' ? 'en-GB' : 'fr-FR', { dateStyle: 'long', timeStyle: 'short' }),
    });
  };
  onLangChange(render);
  // Printing from the browser's menu skips the page's button: the time stamp is made anew then too.
  window.addEventListener('beforeprint', render);
  render();
  return {
    show(next) {
      query = next;
      render();
    },
  };
}
