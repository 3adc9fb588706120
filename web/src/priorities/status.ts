/** One line saying what the table shows, or why it shows nothing; read out politely. */
import { onLangChange, t } from './translate.js';

export type StatusState = { kind: 'loading' } | { kind: 'ready'; count: number; date: string } | { kind: 'error'; message: string };

export function createStatus(element: HTMLElement): { set(state: StatusState): void } {
  let state: StatusState = { kind: 'loading' };
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
