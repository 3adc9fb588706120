/**
 * The standing warning that hand-drawn demo records are not observations, and that a blank
 * map is not proof of calm; it says how many illustrative records are on the map now.
 */
import { onLangChange, t } from './messages.js';

export interface Notice {
  setIllustrativeCount(count: number): void;
}

export function createNotice(container: HTMLElement): Notice {
  container.setAttribute('role', 'note');
  const title = document.createElement('strong');
  title.className = 'notice-title';
  const body = document.createElement('p');
  const absence = document.createElement('p');
  absence.className = 'notice-absence';
  container.append(title, body, absence);

  let illustrative: number | null = null;
  const refresh = () => {
    title.textContent = illustrative === null ? t('notice.title') : t('notice.count', { count: illustrative });
    body.textContent = t('notice.body');
    absence.textContent = t('notice.absence');
  };
  onLangChange(refresh);
  refresh();
  return {
    setIllustrativeCount(n) {
      illustrative = n;
      container.classList.toggle('has-illustrative', n > 0);
      refresh();
    },
  };
}
