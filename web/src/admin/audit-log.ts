/** The change log: filter by layer and record, a page at a time, each change as a field diff. */
import { el, labelled } from '../shared/dom.js';
import { onLangChange } from '../shared/language.js';
import { AUDITED_LAYERS, fetchAudit, type AuditEntry } from './admin-api.js';
import { renderDiff } from './audit-diff.js';
import { messageLine, table, textCell, whenCell } from './format.js';
import { t, type AdminMessageKey } from './messages.js';
import { createPaging, pageLoader } from './paging.js';

const PAGE_SIZE = 25;
const ACTIONS = new Set(['create', 'update', 'delete', 'import']);

export interface AuditLogView {
  load(): Promise<void>;
}

export function createAuditLog(container: HTMLElement, options: { layerTitle(layer: string): string }): AuditLogView {
  const heading = el('h2', undefined);
  heading.id = 'audit-heading';
  container.setAttribute('aria-labelledby', heading.id);
  const intro = el('p', 'admin-intro');

  const form = el('form', 'admin-filters');
  form.noValidate = true;
  const layer = labelled('audit-layer', el('select'), 'admin-field');
  const recordId = labelled('audit-record', el('input'), 'admin-field');
  recordId.control.type = 'text';
  recordId.control.inputMode = 'numeric';
  recordId.control.size = 8;
  const apply = el('button', 'admin-button');
  apply.type = 'submit';
  form.append(layer.wrapper, recordId.wrapper, apply);

  const message = messageLine('audit-message');
  const output = el('div', 'admin-table-wrap');
  let entries: AuditEntry[] | null = null;
  let filters: { layer?: string; recordId?: number } = {};
  const paging = createPaging(PAGE_SIZE, () => void load());
  container.append(heading, intro, form, message.element, output, paging.element);

  function fillLayerOptions(): void {
    const chosen = layer.control.value;
    const options = [el('option', undefined, t('audit.allLayers'))];
    options[0]!.value = '';
    for (const name of AUDITED_LAYERS) {
      const option = el('option', undefined, options_title(name));
      option.value = name;
      options.push(option);
    }
    layer.control.replaceChildren(...options);
    layer.control.value = chosen;
  }
  const options_title = (name: string) =>
    name === 'cases' || name === 'accounts' || name === 'api_tokens' || name === 'sessions' ? t(`layer.${name}` as AdminMessageKey) : options.layerTitle(name);

  function renderTable(): void {
    if (!entries) return;
    const { table: tableEl, body } = table(
      t('audit.caption'),
      [t('audit.when'), t('audit.who'), t('audit.action'), t('audit.layer'), t('audit.record'), t('audit.changes')],
      'audit-table',
    );
    for (const entry of entries) {
      const row = el('tr', 'audit-row');
      row.dataset.id = String(entry.id);
      row.dataset.layer = entry.layer;
      row.dataset.action = entry.action;
      if (entry.record_id !== null) row.dataset.recordId = String(entry.record_id);
      const action = el('td', 'cell-action', ACTIONS.has(entry.action) ? t(`action.${entry.action}` as AdminMessageKey) : entry.action);
      action.dataset.action = entry.action;
      const changes = el('td', 'cell-diff');
      changes.append(renderDiff(entry.before, entry.after));
      row.append(
        whenCell(entry.changed_at),
        textCell(entry.actor, 'cell-actor'),
        action,
        textCell(options_title(entry.layer), 'cell-layer'),
        textCell(entry.record_id === null ? t('common.none') : String(entry.record_id), 'cell-id'),
        changes,
      );
      body.append(row);
    }
    output.replaceChildren(tableEl);
  }

  function translate(): void {
    heading.textContent = t('audit.heading');
    intro.textContent = t('audit.intro');
    layer.label.textContent = t('audit.layer');
    recordId.label.textContent = t('audit.recordId');
    apply.textContent = t('audit.apply');
    fillLayerOptions();
    message.refresh();
    paging.refresh();
    renderTable();
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const idText = recordId.control.value.trim();
    if (idText && !/^[1-9]\d{0,15}$/.test(idText)) {
      message.show(() => t('audit.badRecordId'), 'error');
      recordId.control.focus();
      return;
    }
    filters = { layer: layer.control.value || undefined, recordId: idText ? Number(idText) : undefined };
    paging.reset();
    void load();
  });

  const load = pageLoader({
    container,
    paging,
    message,
    fetchPage: (page, signal) => fetchAudit({ ...filters, ...page }, signal),
    show: (page) => {
      entries = page;
      renderTable();
    },
  });

  translate();
  onLangChange(translate);
  return { load };
}
