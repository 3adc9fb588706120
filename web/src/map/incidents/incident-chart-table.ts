/** Every number of the incident chart, and the categories behind each bar, which the colours group. */
import { el } from '../../shared/dom.js';
import { vocabulary } from '../contested/contested-reasons.js';
import { t } from '../messages.js';
import { monthName, type Month } from './incident-months.js';

export function drawMonthTable(table: HTMLTableElement, caption: string, months: Month[]): void {
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
  table.replaceChildren(el('caption', undefined, caption), thead, tbody);
}
