/** Dates, values and small pieces the administration tables share. */
import { el } from '../shared/dom.js';
import { getLang } from '../shared/language.js';
import { t } from './messages.js';

/** A timestamp from the server in the reader's local time; what cannot be read is shown as it came. */
export function formatWhen(value: string | null | undefined): string {
  if (!value) return t('common.none');
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return date.toLocaleString(getLang() === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium', timeStyle: 'medium' });
}

/** A `<time>` whose machine-readable value is the server's own. */
export function whenCell(value: string | null | undefined): HTMLTableCellElement {
  const cell = el('td', 'cell-when');
  if (!value) {
    cell.textContent = t('common.none');
    return cell;
  }
  const time = el('time', undefined, formatWhen(value));
  const date = new Date(value);
  if (!Number.isNaN(date.getTime())) time.dateTime = date.toISOString();
  cell.append(time);
  return cell;
}

export function textCell(text: string, className?: string): HTMLTableCellElement {
  return el('td', className, text);
}

/** A table with a caption and a header row; the body is the caller's. */
export function table(caption: string, headers: string[], className: string): { table: HTMLTableElement; body: HTMLTableSectionElement } {
  const tableEl = el('table', `admin-table ${className}`);
  tableEl.append(el('caption', undefined, caption));
  const head = el('thead');
  const row = el('tr');
  for (const header of headers) {
    const th = el('th', undefined, header);
    th.scope = 'col';
    row.append(th);
  }
  head.append(row);
  const body = el('tbody');
  tableEl.append(head, body);
  return { table: tableEl, body };
}

export function errorText(error: unknown): string {
  return error instanceof Error && 'detail' in error ? String((error as { detail: unknown }).detail) : error instanceof Error ? error.message : String(error);
}

/**
 * A message line: role=status for news, role=alert for failures (read out at once). The
 * text is kept as a function so that a language switch rewrites it.
 */
export interface MessageLine {
  element: HTMLElement;
  show(text: string | (() => string), kind: 'ok' | 'error'): void;
  clear(): void;
  refresh(): void;
}

export function messageLine(className: string): MessageLine {
  const element = el('div', `admin-message ${className}`);
  let current: (() => string) | null = null;
  const refresh = () => {
    element.textContent = current ? current() : '';
  };
  return {
    element,
    show(text, kind) {
      current = typeof text === 'function' ? text : () => text;
      element.dataset.kind = kind;
      element.setAttribute('role', kind === 'error' ? 'alert' : 'status');
      refresh();
    },
    clear() {
      current = null;
      element.dataset.kind = '';
      refresh();
    },
    refresh,
  };
}

export function button(text: string, className: string, onClick: () => void): HTMLButtonElement {
  const b = el('button', className, text);
  b.type = 'button';
  b.addEventListener('click', onClick);
  return b;
}
