/** The export log: who took which layers out, through which sharing profile, how many records. */
import { el } from '../shared/dom.js';
import { formatNumber, onLangChange } from '../shared/language.js';
import { fetchExports, type ExportEntry } from './admin-api.js';
import { valueText } from './audit-diff.js';
import { messageLine, table, textCell, whenCell } from './format.js';
import { t } from './messages.js';
import { createPaging, pageLoader } from './paging.js';

const PAGE_SIZE = 25;

export interface ExportLogView {
  load(): Promise<void>;
}

/** The filters an export was asked with, as `name: value` pairs. */
function filtersText(filters: ExportEntry['filters']): string {
  if (!filters || typeof filters !== 'object') return t('common.none');
  const pairs = Object.entries(filters).filter(([, value]) => value !== null && value !== undefined && value !== '');
  return pairs.length ? pairs.map(([key, value]) => `${key}: ${valueText(value)}`).join(' ; ') : t('common.none');
}

export function createExportLog(container: HTMLElement, options: { layerTitle(layer: string): string }): ExportLogView {
  const heading = el('h2');
  heading.id = 'exports-heading';
  container.setAttribute('aria-labelledby', heading.id);
  const intro = el('p', 'admin-intro');
  const message = messageLine('exports-message');
  const output = el('div', 'admin-table-wrap');
  let entries: ExportEntry[] | null = null;
  const paging = createPaging(PAGE_SIZE, () => void load());
  container.append(heading, intro, message.element, output, paging.element);

  function renderTable(): void {
    if (!entries) return;
    const { table: tableEl, body } = table(
      t('exports.caption'),
      [
        t('exports.when'),
        t('exports.who'),
        t('exports.address'),
        t('exports.profile'),
        t('exports.format'),
        t('exports.layers'),
        t('exports.filters'),
        t('exports.count'),
      ],
      'exports-table',
    );
    for (const entry of entries) {
      const row = el('tr', 'export-row');
      row.dataset.id = String(entry.id);
      const count = textCell(formatNumber(entry.feature_count, 0), 'cell-count');
      count.dataset.count = String(entry.feature_count);
      row.append(
        whenCell(entry.exported_at),
        textCell(entry.requested_by, 'cell-actor'),
        textCell(entry.client_address ?? t('common.none'), 'cell-address'),
        textCell(entry.profile, 'cell-profile'),
        // A partner's reads of the layer API or the OGC API are logged here too (issue 16).
        textCell(entry.via === 'export' ? entry.format : `${entry.format} · ${t(`exports.via.${entry.via}`)}`, 'cell-format'),
        textCell(entry.layers.map((name) => options.layerTitle(name)).join(', '), 'cell-layers'),
        textCell(filtersText(entry.filters), 'cell-filters'),
        count,
      );
      body.append(row);
    }
    output.replaceChildren(tableEl);
  }

  function translate(): void {
    heading.textContent = t('exports.heading');
    intro.textContent = t('exports.intro');
    message.refresh();
    paging.refresh();
    renderTable();
  }

  const load = pageLoader({
    container,
    paging,
    message,
    fetchPage: fetchExports,
    show: (page) => {
      entries = page;
      renderTable();
    },
  });

  translate();
  onLangChange(translate);
  return { load };
}
