/**
 * Previous / next for a log read newest first. The server gives no total: a page asks for
 * one entry more than it shows, and that entry's presence says whether there is a next page.
 */
import { el } from '../shared/dom.js';
import { errorText, type MessageLine } from './format.js';
import { t } from './messages.js';

export interface Paging {
  element: HTMLElement;
  readonly offset: number;
  /** How many to ask the server for (one more than a page). */
  readonly ask: number;
  /** After a load: what came back; answers the entries to show. */
  received<T>(entries: T[]): T[];
  reset(): void;
  refresh(): void;
}

export function createPaging(pageSize: number, onMove: () => void): Paging {
  let offset = 0;
  let shown = 0;
  let more = false;
  const element = el('nav', 'admin-paging');
  const previous = el('button', 'paging-previous');
  const next = el('button', 'paging-next');
  const range = el('span', 'paging-range');
  range.setAttribute('aria-live', 'polite');
  previous.type = next.type = 'button';
  previous.addEventListener('click', () => {
    offset = Math.max(0, offset - pageSize);
    onMove();
  });
  next.addEventListener('click', () => {
    offset += pageSize;
    onMove();
  });
  element.append(previous, range, next);

  const refresh = () => {
    element.setAttribute('aria-label', t('paging.label'));
    previous.textContent = t('paging.previous');
    next.textContent = t('paging.next');
    previous.disabled = offset === 0;
    next.disabled = !more;
    range.textContent = shown === 0 ? t('paging.none') : t('paging.range', { from: offset + 1, to: offset + shown });
  };
  refresh();
  return {
    element,
    get offset() {
      return offset;
    },
    get ask() {
      return pageSize + 1;
    },
    received(entries) {
      more = entries.length > pageSize;
      const page = entries.slice(0, pageSize);
      shown = page.length;
      refresh();
      return page;
    },
    reset() {
      offset = 0;
    },
    refresh,
  };
}

/**
 * Loads the page the paging points at: a newer load cancels an older one, the container says
 * it is busy meanwhile, and a failure is shown in the section's message line.
 */
export function pageLoader<T>(options: {
  container: HTMLElement;
  paging: Paging;
  message: MessageLine;
  fetchPage(page: { limit: number; offset: number }, signal: AbortSignal): Promise<T[]>;
  show(entries: T[]): void;
}): () => Promise<void> {
  const { container, paging, message } = options;
  let request: AbortController | null = null;
  return async () => {
    request?.abort();
    const current = new AbortController();
    request = current;
    container.setAttribute('aria-busy', 'true');
    try {
      const received = await options.fetchPage({ limit: paging.ask, offset: paging.offset }, current.signal);
      if (current !== request) return;
      options.show(paging.received(received));
      message.clear();
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return;
      message.show(() => t('common.error', { message: errorText(error) }), 'error');
    } finally {
      if (current === request) container.removeAttribute('aria-busy');
    }
  };
}
