/**
 * One line that says what the page shows now, or why it shows nothing (read out politely).
 * Each page passes its own translator: the map and the priorities page word it differently.
 */
import { onLangChange } from './language.js';

type State = { kind: 'loading' } | { kind: 'ready'; count: number; date: string } | { kind: 'error'; message: string };
type StatusKey = 'status.loading' | 'status.ready' | 'status.error';

export interface Status {
  set(state: State): void;
}

export function createStatus(element: HTMLElement, t: (key: StatusKey, params?: Record<string, string | number>) => string): Status {
  let state: State = { kind: 'loading' };
  const refresh = () => {
    element.dataset.state = state.kind;
    if (state.kind === 'loading') element.textContent = t('status.loading');
    else if (state.kind === 'ready') element.textContent = t('status.ready', { count: state.count, date: state.date });
    else element.textContent = t('status.error', { message: state.message });
  };
  onLangChange(refresh);
  refresh();
  return {
    set(next) {
      state = next;
      refresh();
    },
  };
}
