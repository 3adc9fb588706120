/**
 * The standing warning that hand-drawn demo records are not observations, and that a blank
 * map is not proof of calm; it says how many illustrative records are on the map now.
 */
import { formatNumber, localize, onLangChange, t, type Localized } from './messages.js';

export interface Notice {
  setIllustrativeCount(count: number): void;
  /** The layers drawn from tiles (too many records for the page), by their title and number of records. */
  setTiled(layers: Array<{ title: Localized; count: number }>): void;
}

export function createNotice(container: HTMLElement): Notice {
  container.setAttribute('role', 'note');
  const title = document.createElement('strong');
  title.className = 'notice-title';
  const body = document.createElement('p');
  const absence = document.createElement('p');
  absence.className = 'notice-absence';
  const tiledNote = document.createElement('p');
  tiledNote.className = 'notice-tiled';
  tiledNote.hidden = true;
  container.append(title, body, tiledNote, absence);

  let illustrative: number | null = null;
  let tiled: Array<{ title: Localized; count: number }> = [];
  const refresh = () => {
    title.textContent = illustrative === null ? t('notice.title') : t('notice.count', { count: illustrative });
    body.textContent = t('notice.body');
    absence.textContent = t('notice.absence');
    tiledNote.hidden = tiled.length === 0;
    tiledNote.textContent = t('notice.tiled', { layers: tiled.map((l) => `${localize(l.title)} (${formatNumber(l.count)})`).join(', ') });
  };
  onLangChange(refresh);
  refresh();
  return {
    setIllustrativeCount(n) {
      illustrative = n;
      container.classList.toggle('has-illustrative', n > 0);
      refresh();
    },
    setTiled(layers) {
      tiled = layers;
      refresh();
    },
  };
}
