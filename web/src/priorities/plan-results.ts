/**
 * A plan's results: a sentence of how much need the units cover, a note when fewer could be
 * placed than asked, and the placements in order, each a button that shows the place, with the
 * need it adds and the share of all need covered so far.
 */
import { el } from '../shared/dom.js';
import type { Plan } from './api.js';
import { placeTitle } from './ranking-table.js';
import { formatNumber, formatPercent, t } from './translate.js';

function placeButton(p: Plan['features'][number]['properties'], onSelect: (placeKey: string) => void): HTMLButtonElement {
  const title = placeTitle(p);
  const button = el('button', 'place-button');
  button.type = 'button';
  button.append(el('span', 'place-name', title.main));
  if (title.sub) button.append(el('span', 'place-label', title.sub));
  // Neediest first: the place the unit was sent for, when it is stationed elsewhere within reach.
  if (p.target !== null && p.target !== p.place) button.append(el('span', 'place-label plan-target', t('plan.for', { label: p.target_label ?? p.target })));
  button.append(el('span', 'place-label', t('plan.covers', { count: p.covers.length })));
  button.addEventListener('click', () => onSelect(p.place));
  return button;
}

function planTable(plan: Plan, onSelect: (placeKey: string) => void): HTMLTableElement {
  const table = el('table', 'plan-table');
  const caption = el('caption', undefined, t('plan.caption'));
  const head = el('tr');
  for (const [key, num] of [
    ['plan.order', true],
    ['plan.place', false],
    ['plan.marginal', true],
    ['plan.cumulative', true],
  ] as const) {
    const th = el('th', num ? 'num' : undefined, t(key));
    th.scope = 'col';
    head.append(th);
  }
  const thead = el('thead');
  thead.append(head);
  const tbody = el('tbody');
  let cumulative = 0;
  for (const feature of plan.features) {
    const p = feature.properties;
    cumulative += p.marginal_need;
    const tr = el('tr');
    tr.dataset.order = String(p.order);
    tr.dataset.place = p.place;
    const place = el('th');
    place.scope = 'row';
    place.append(placeButton(p, onSelect));
    tr.append(
      el('td', 'num', String(p.order)),
      place,
      el('td', 'num', formatNumber(p.marginal_need)),
      el('td', 'num', formatPercent(plan.total_need > 0 ? cumulative / plan.total_need : 0)),
    );
    tbody.append(tr);
  }
  table.append(caption, thead, tbody);
  return table;
}

export function planResults(plan: Plan, onSelect: (placeKey: string) => void): Node[] {
  const summary = el(
    'p',
    'plan-summary',
    t('plan.summary', {
      placed: plan.units_placed,
      requested: plan.units_requested,
      share: formatPercent(plan.covered_share),
      covered: formatNumber(plan.covered_need),
      total: formatNumber(plan.total_need),
    }),
  );
  const parts: Node[] = [summary];
  if (plan.units_placed < plan.units_requested) parts.push(el('p', 'help', t('plan.short')));
  parts.push(planTable(plan, onSelect), el('p', 'help plan-method', t(`plan.method.${plan.objective}`)), uncoveredList(plan, onSelect));
  return parts;
}

/** Which of the ranking's first ten places no unit covers: what the meeting will ask first. */
function uncoveredList(plan: Plan, onSelect: (placeKey: string) => void): HTMLElement {
  const section = el('div', 'plan-uncovered');
  section.id = 'plan-uncovered';
  if (plan.uncovered_top.length === 0) {
    section.append(el('p', 'help', t('plan.uncoveredNone')));
    return section;
  }
  const list = el('ul', 'uncovered-list');
  for (const u of plan.uncovered_top) {
    const item = el('li');
    item.dataset.place = u.place;
    const button = el('button', 'link-button');
    button.type = 'button';
    button.textContent = t('plan.uncoveredItem', { rank: u.rank, place: placeTitle(u).main, need: formatNumber(u.need) });
    button.addEventListener('click', () => onSelect(u.place));
    item.append(button);
    list.append(item);
  }
  section.append(el('p', 'plan-uncovered-title', t('plan.uncovered')), list);
  return section;
}
