/** One line that says what the map shows now, or why it shows nothing (read out politely). */
import { onLangChange, t } from './i18n.js';

type State = { kind: 'loading' } | { kind: 'ready'; count: number; date: string } | { kind: 'error'; message: string };

export interface Status {
  set(state: State): void;
}

export function createStatus(element: HTMLElement): Status {
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
