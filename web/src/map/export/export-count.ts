/**
 * The export dialog's footer: a live line saying how many records would leave (or why none
 * can), and the download link, a link only when there is something to download.
 */
import { el } from '../../shared/dom.js';
import { t } from '../messages.js';
import type { Texts } from './export-texts.js';

export type CountState = { kind: 'loading' } | { kind: 'none' } | { kind: 'count'; total: number } | { kind: 'error'; message: string };

export function createExportFooter(texts: Texts) {
  const count = el('p', 'export-count');
  count.id = 'export-count';
  count.setAttribute('role', 'status');
  count.setAttribute('aria-live', 'polite');
  const download = el('a', 'export-download');
  download.id = 'export-download';
  texts.text(download, 'export.download');
  const footer = el('div', 'export-footer');
  footer.append(count, download);

  /** What the count line says, kept to be said again after a language switch. */
  let state: CountState = { kind: 'loading' };
  const showState = () => {
    count.dataset.state = state.kind === 'count' || state.kind === 'none' ? 'ready' : state.kind;
    count.classList.toggle('export-error', state.kind === 'error' || state.kind === 'none');
    switch (state.kind) {
      case 'loading':
        count.textContent = t('export.count.loading');
        break;
      case 'none':
        count.textContent = t('export.noLayer');
        break;
      case 'error':
        count.textContent = t('export.count.error', { message: state.message });
        break;
      case 'count':
        count.textContent = t('export.count', { count: state.total });
        count.dataset.total = String(state.total);
    }
  };

  return {
    footer,
    /** Says what the count line holds: counting, a number, no layer, or the server's refusal. */
    setState(next: CountState) {
      state = next;
      showState();
    },
    /** Forgets the last number while another is asked for. */
    clearTotal() {
      delete count.dataset.total;
    },
    /** Says the count line again, in the page's language. */
    translate: showState,
    setDownload(href: string | null) {
      if (href) {
        download.href = href;
        download.setAttribute('download', '');
        download.removeAttribute('aria-disabled');
      } else {
        // A link without href is not a link: neither clickable nor in the tab order.
        download.removeAttribute('href');
        download.removeAttribute('download');
        download.setAttribute('aria-disabled', 'true');
      }
    },
  };
}
