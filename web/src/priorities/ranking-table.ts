/**
 * The ranked table: one row per place, its need and its factor bar. Each place is a real
 * button, so the table is walked with Tab and a place chosen with Enter or Space.
 */
import { el } from '../shared/dom.js';
import { placeKey, type PlaceFeature, type Ranking } from './api.js';
import { barScale, factorBar } from './factor-bar.js';
import { formatNumber, onLangChange, t } from './translate.js';

export interface RankingTable {
  render(ranking: Ranking): void;
  setSelected(key: string | null): void;
  /** Place key → order of the planned unit that covers it. */
  setCovered(covered: ReadonlyMap<string, number>): void;
}

export function illustrativeBadge(): HTMLElement {
  return el('span', 'badge-illustrative', t('badge.illustrative'));
}

/** "Kibuye" over "codmine01341"; a place without a name shows its label alone. */
export function placeTitle(p: PlaceFeature['properties'] | { label: string; name: string | null }): { main: string; sub: string | null } {
  return p.name && p.name !== p.label ? { main: p.name, sub: p.label } : { main: p.label, sub: null };
}

export function createRankingTable(container: HTMLElement, options: { detailsId: string; onSelect(key: string): void }): RankingTable {
  const table = el('table', 'ranking-table');
  const caption = el('caption');
  const head = el('thead');
  const body = el('tbody');
  table.append(caption, head, body);
  const empty = el('p', 'ranking-empty');
  empty.hidden = true;
  container.replaceChildren(table, empty);

  let ranking: Ranking | null = null;
  let selected: string | null = null;
  let covered: ReadonlyMap<string, number> = new Map();
  const rows = new Map<string, HTMLTableRowElement>();

  const renderHead = () => {
    caption.textContent = t('table.caption');
    const tr = el('tr');
    for (const [key, className] of [
      ['table.rank', 'col-rank'],
      ['table.place', 'col-place'],
      ['table.kind', 'col-kind'],
      ['table.need', 'col-need'],
      ['table.factors', 'col-factors'],
    ] as const) {
      const th = el('th', className, t(key));
      th.scope = 'col';
      tr.append(th);
    }
    head.replaceChildren(tr);
  };

  const row = (feature: PlaceFeature, scale: ReturnType<typeof barScale>): HTMLTableRowElement => {
    const p = feature.properties;
    const key = placeKey(p);
    const tr = el('tr');
    tr.dataset.key = key;
    tr.dataset.label = p.label;
    tr.dataset.rank = String(p.rank);

    const title = placeTitle(p);
    const button = el('button', 'place-button');
    button.type = 'button';
    button.setAttribute('aria-controls', options.detailsId);
    // The accessible name starts with the words shown (WCAG 2.5.3, "label in name"), so a voice user can say them.
    button.append(el('span', 'place-name', title.main));
    if (title.sub) button.append(' ', el('span', 'place-label', title.sub));
    button.append(el('span', 'visually-hidden', ` — ${t('table.details')}`));
    const place = el('th', 'col-place');
    place.scope = 'row';
    place.append(button);
    if (p.illustrative) place.append(illustrativeBadge());
    const unit = covered.get(key);
    if (unit !== undefined) place.append(el('span', 'covered-tag', t('table.covered', { order: unit })));

    const bar = el('td', 'col-factors');
    bar.append(factorBar(p.factors, scale));
    tr.append(el('td', 'col-rank', String(p.rank)), place, el('td', 'col-kind', t(`kind.${p.kind}`)), el('td', 'col-need', formatNumber(p.need)), bar);
    // The whole row answers a click, for the mouse; the button is what the keyboard reaches.
    tr.addEventListener('click', () => options.onSelect(key));
    return tr;
  };

  const renderBody = () => {
    if (!ranking) return;
    // A language switch redraws the rows: keep the keyboard where it was.
    const focusedKey = (document.activeElement?.closest('tr[data-key]') as HTMLElement | null)?.dataset.key;
    const scale = barScale(ranking.features);
    rows.clear();
    body.replaceChildren(
      ...ranking.features.map((f) => {
        const tr = row(f, scale);
        rows.set(tr.dataset.key!, tr);
        return tr;
      }),
    );
    empty.hidden = ranking.features.length > 0;
    empty.textContent = t('table.empty');
    markSelected();
    if (focusedKey) rows.get(focusedKey)?.querySelector('button')?.focus();
  };

  const markSelected = () => {
    for (const [key, tr] of rows) {
      const isSelected = key === selected;
      tr.classList.toggle('is-selected', isSelected);
      const button = tr.querySelector('button')!;
      if (isSelected) button.setAttribute('aria-current', 'true');
      else button.removeAttribute('aria-current');
    }
  };

  onLangChange(() => {
    renderHead();
    renderBody();
  });
  renderHead();

  return {
    render(next) {
      ranking = next;
      renderBody();
    },
    setSelected(key) {
      selected = key;
      markSelected();
      if (key) rows.get(key)?.scrollIntoView({ block: 'nearest' });
    },
    setCovered(next) {
      covered = next;
      renderBody();
    },
  };
}
