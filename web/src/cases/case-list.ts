/**
 * The list of case files: filters (status, overdue only, the place the address names) and a
 * table with each case's title, status, referral, last step, overdue follow-ups and places.
 * The filters live in the address, so a filtered list is a link (the map's contested zones
 * link here with their claims).
 */
import { el } from '../shared/dom.js';
import { CASE_STATUSES, type CaseStatus } from '../../../server/cases/case-vocabulary.js';
import { caseHref, listSearch, type CaseFilters } from './case-address.js';
import { fetchCases, type CaseList, type CaseSummary } from './cases-api.js';
import { onLangChange, placeWords, statusWords, t } from './translate.js';

export interface CaseListView {
  /** Resolves once the first answer is in the table. */
  ready: Promise<void>;
}

function placesText(c: CaseSummary): string {
  return c.places
    .map((p) => (p.kind === 'town' ? (p.name ?? placeWords('town')) : `${placeWords(p.kind)} ${t('place.recordId', { id: p.record_id ?? 0 })}`))
    .join(', ');
}

export function createCaseList(container: HTMLElement, initial: CaseFilters): CaseListView {
  let filters = initial;
  let list: CaseList | null = null;
  let problem: string | null = null;
  let request: AbortController | null = null;

  const heading = el('h2', 'cases-heading');
  heading.id = 'cases-heading';
  const form = el('form', 'case-filters');
  form.addEventListener('submit', (event) => event.preventDefault());
  const statusLabel = el('label', 'field-label');
  statusLabel.htmlFor = 'filter-status';
  const status = el('select');
  status.id = 'filter-status';
  const overdueLabel = el('label', 'check-field');
  const overdue = el('input');
  overdue.type = 'checkbox';
  overdue.id = 'filter-overdue';
  const overdueText = el('span');
  overdueLabel.append(overdue, overdueText);
  const place = el('p', 'place-filter');
  form.append(statusLabel, status, overdueLabel, place);
  const count = el('p', 'status');
  count.id = 'cases-status';
  count.setAttribute('role', 'status');
  count.setAttribute('aria-live', 'polite');
  const tableWrap = el('div', 'cases-table-wrap');
  container.append(heading, form, count, tableWrap);

  const change = (next: CaseFilters) => {
    filters = next;
    history.replaceState(null, '', `${location.pathname}${listSearch(filters)}`);
    void load();
  };
  status.addEventListener('change', () => change({ ...filters, status: status.value ? [status.value as CaseStatus] : [] }));
  overdue.addEventListener('change', () => change({ ...filters, overdue: overdue.checked }));

  const renderControls = () => {
    heading.textContent = t('list.heading');
    form.setAttribute('aria-label', t('list.filters'));
    statusLabel.textContent = t('list.status');
    const options = [el('option', undefined, t('list.allStatuses'))];
    options[0]!.value = '';
    for (const s of CASE_STATUSES) {
      const option = el('option', undefined, statusWords(s));
      option.value = s;
      options.push(option);
    }
    status.replaceChildren(...options);
    // The address may name several statuses; the select shows the first (choosing one replaces them).
    status.value = filters.status[0] ?? '';
    overdue.checked = filters.overdue;
    overdueText.textContent = t('list.overdue');
    const places = [
      ...filters.claimIds.map((id) => t('list.placeClaim', { id })),
      ...filters.zoneIds.map((id) => t('list.placeZone', { id })),
      ...filters.siteIds.map((id) => t('list.placeSite', { id })),
    ];
    place.replaceChildren();
    place.hidden = places.length === 0;
    if (places.length) {
      const clear = el('button', 'link-button', t('list.clearPlace'));
      clear.type = 'button';
      clear.addEventListener('click', () => {
        change({ ...filters, claimIds: [], zoneIds: [], siteIds: [] });
        renderControls();
      });
      place.append(t('list.place', { places: places.join(', ') }), ' ', clear);
    }
  };

  const renderTable = () => {
    if (problem) {
      count.dataset.state = 'error';
      count.textContent = t('status.error', { message: problem });
      tableWrap.replaceChildren();
      return;
    }
    if (!list) {
      count.dataset.state = 'loading';
      count.textContent = t('status.loading');
      return;
    }
    count.dataset.state = 'ready';
    count.textContent = t('list.count', { count: list.numberMatched });
    const table = el('table', 'cases-table');
    table.setAttribute('aria-labelledby', 'cases-heading');
    table.append(el('caption', 'visually-hidden', t('list.caption')));
    const head = el('tr');
    for (const key of ['col.title', 'col.status', 'col.opened', 'col.lastStep', 'col.overdue', 'col.places'] as const) {
      const th = el('th', undefined, t(key));
      th.scope = 'col';
      head.append(th);
    }
    table.createTHead().append(head);
    const body = table.createTBody();
    for (const c of list.cases) {
      const row = el('tr', 'case-row');
      row.dataset.id = String(c.id);
      row.dataset.status = c.status;
      const titleCell = el('th');
      titleCell.scope = 'row';
      const link = el('a', 'case-link', c.title);
      link.href = caseHref(c.id);
      titleCell.append(link);
      if (c.illustrative) titleCell.append(' ', el('span', 'badge-illustrative', t('badge.illustrative')));
      const statusCell = el('td', 'cell-status', statusWords(c.status));
      statusCell.dataset.status = c.status;
      const overdueCount = c.overdue_follow_ups;
      const overdueCell = el('td', 'cell-number', overdueCount === undefined ? t('list.none') : String(overdueCount));
      if (overdueCount) overdueCell.classList.add('is-overdue');
      row.append(
        titleCell,
        statusCell,
        el('td', 'cell-date', c.opened_on),
        el('td', 'cell-date', c.last_step_on ?? t('list.none')),
        overdueCell,
        el('td', 'cell-places', placesText(c)),
      );
      body.append(row);
    }
    tableWrap.replaceChildren(table);
  };

  async function load(): Promise<void> {
    request?.abort();
    const controller = new AbortController();
    request = controller;
    list = null;
    problem = null;
    renderTable();
    try {
      const next = await fetchCases(filters, controller.signal);
      if (controller !== request) return;
      list = next;
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return;
      problem = error instanceof Error ? error.message : String(error);
    }
    renderTable();
  }

  onLangChange(() => {
    renderControls();
    renderTable();
  });
  renderControls();
  return { ready: load() };
}
