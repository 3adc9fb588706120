/**
 * One line that says what the list shows now, or why it shows nothing, in words: loading,
 * how many changes, nothing changed, a refusal (partners, signed out, a busy server) or a failure.
 */
import { ApiError } from '../shared/api.js';
import { el } from '../shared/dom.js';
import { signInAddress } from '../shared/session-api.js';
import { onLangChange, t } from './translate.js';

export type ListState =
  { kind: 'loading' } | { kind: 'invalid' } | { kind: 'ready'; count: number; from: string; to: string } | { kind: 'error'; error: unknown };

export interface ListStatus {
  set(state: ListState): void;
}

/** What kind of failure, for the words and for the tests (`data-state`). */
function failure(error: unknown): 'forbidden' | 'signin' | 'busy' | 'error' {
  if (!(error instanceof ApiError)) return 'error';
  if (error.status === 403) return 'forbidden';
  if (error.status === 401) return 'signin';
  return error.status === 503 ? 'busy' : 'error';
}

const detailOf = (error: unknown) => (error instanceof ApiError ? error.detail : error instanceof Error ? error.message : String(error));

export function createListStatus(element: HTMLElement): ListStatus {
  let state: ListState = { kind: 'loading' };
  const render = () => {
    element.classList.remove('status-problem');
    if (state.kind === 'loading') {
      element.dataset.state = 'loading';
      element.textContent = t('status.loading');
    } else if (state.kind === 'invalid') {
      element.dataset.state = 'invalid';
      element.textContent = t('status.invalid');
    } else if (state.kind === 'ready') {
      element.dataset.state = state.count === 0 ? 'empty' : 'ready';
      const words = { count: state.count, from: state.from, to: state.to };
      element.textContent = state.count === 0 ? t('status.empty', words) : t('status.ready', words);
    } else {
      const kind = failure(state.error);
      element.dataset.state = kind;
      element.classList.add('status-problem');
      if (kind === 'forbidden') element.textContent = t('status.forbidden');
      else if (kind === 'busy') element.textContent = t('status.busy', { message: detailOf(state.error) });
      else if (kind === 'error') element.textContent = t('status.error', { message: detailOf(state.error) });
      else {
        const link = el('a', 'status-link', t('status.signInLink'));
        link.href = signInAddress();
        element.replaceChildren(t('status.signIn'), ' ', link);
      }
    }
  };
  onLangChange(render);
  render();
  return {
    set(next) {
      state = next;
      render();
    },
  };
}
