/**
 * A heading that only paper shows: what was ranked (the area), as of when, with which weights, since
 * the sliders that say so on screen are left out of the print.
 */
import { FACTORS, FACTOR_STYLES } from './factors.js';
import type { RankingQuery } from './query.js';
import { formatNumber, onLangChange, t } from './translate.js';

export function createPrintSummary(container: HTMLElement, query: () => RankingQuery, area: () => string): { refresh(): void } {
  const refresh = () => {
    const q = query();
    const weights = FACTORS.map((f) => `${FACTOR_STYLES[f].letter} ${t(`factor.${f}`)} ${formatNumber(q.weights[f])}`).join(', ');
    const parameters = document.createElement('p');
    parameters.textContent = t('print.parameters', { area: area(), date: q.date, weights, radius: formatNumber(q.radiusKm) });
    const generated = document.createElement('p');
    generated.textContent = t('print.generated', { when: new Date().toLocaleString(document.documentElement.lang === 'en' ? 'en-GB' : 'fr-FR') });
    container.replaceChildren(parameters, generated);
  };
  onLangChange(refresh);
  // Printing from the browser's menu skips our button: refresh the time stamp then too.
  window.addEventListener('beforeprint', refresh);
  refresh();
  return { refresh };
}
