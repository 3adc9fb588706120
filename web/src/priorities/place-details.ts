/**
 * The chosen place's need, factor by factor: value in its unit, score, weight, contribution
 * and the records behind it with the analysis's reasons. Everything from the data goes in
 * as text, never as markup.
 */
import { el } from '../shared/dom.js';
import type { FactorResult, PlaceFeature } from './api.js';
import { factorSwatch } from './patterns.js';
import { illustrativeBadge, placeTitle } from './ranking-table.js';
import { formatNumber, getLang, onLangChange, t } from './translate.js';

export interface PlaceDetails {
  show(place: PlaceFeature | null): void;
}

/** The API writes units in English with its parameters inside; French gets the same from our table. */
function unitText(f: FactorResult, params: { halfLifeDays: number; radiusKm: number }): string {
  if (getLang() === 'en') return f.unit;
  return t(`unit.${f.factor}`, { half: formatNumber(params.halfLifeDays), radius: formatNumber(params.radiusKm) });
}

function signed(value: number): string {
  return value > 0 ? `+${formatNumber(value)}` : formatNumber(value);
}

export function createPlaceDetails(container: HTMLElement, params: () => { halfLifeDays: number; radiusKm: number }): PlaceDetails {
  let place: PlaceFeature | null = null;

  const factorRows = (f: FactorResult): HTMLTableRowElement[] => {
    const tr = el('tr');
    tr.dataset.factor = f.factor;
    const name = el('th');
    name.scope = 'row';
    const nameInner = el('span', 'factor-name');
    nameInner.append(factorSwatch(f.factor, 16), el('span', undefined, t(`factor.${f.factor}`)));
    name.append(nameInner);
    const value = el('td', 'factor-value');
    value.append(el('span', 'value-number', f.value === null ? '—' : formatNumber(f.value)), ' ', el('span', 'value-unit', unitText(f, params())));
    tr.append(
      name,
      value,
      // Score and weight side by side: the contribution is their product (negative for coverage).
      el('td', 'num', `${formatNumber(f.score)} × ${formatNumber(f.weight)}`),
      el('td', 'num contribution', signed(f.contribution)),
    );
    if (f.evidence.length === 0) return [tr];
    const evidence = el('tr', 'evidence-row');
    evidence.dataset.factor = f.factor;
    const cell = el('td');
    cell.colSpan = 4;
    const list = el('ul', 'evidence-list');
    list.setAttribute('aria-label', `${t('details.evidence')} — ${t(`factor.${f.factor}`)}`);
    for (const item of f.evidence) {
      const li = el('li');
      li.append(el('span', 'evidence-ref', `${item.layer} #${item.id}`), ' ');
      // The reasons are the server's English sentences around the data's own words.
      const why = el('span', 'evidence-why', item.why);
      why.lang = 'en';
      li.append(why);
      list.append(li);
    }
    cell.append(list);
    evidence.append(cell);
    return [tr, evidence];
  };

  const render = () => {
    const heading = el('h2', 'panel-heading', t('details.title'));
    if (!place) {
      container.replaceChildren(heading, el('p', 'details-empty', t('details.empty')));
      return;
    }
    const p = place.properties;
    const title = placeTitle(p);
    const name = el('h3', 'details-place');
    name.append(el('span', undefined, title.main));
    if (title.sub) name.append(' ', el('span', 'place-label', title.sub));
    if (p.illustrative) name.append(' ', illustrativeBadge());
    const summary = el('p', 'details-summary', t('details.summary', { rank: p.rank, kind: t(`kind.${p.kind}`), need: formatNumber(p.need) }));

    const table = el('table', 'breakdown');
    table.dataset.key = `${p.kind}-${p.place_id}`;
    const head = el('tr');
    for (const key of ['details.factor', 'details.value', 'details.scoreWeight', 'details.contribution'] as const) {
      const th = el('th', key === 'details.factor' || key === 'details.value' ? undefined : 'num', t(key));
      th.scope = 'col';
      head.append(th);
    }
    const thead = el('thead');
    thead.append(head);
    const tbody = el('tbody');
    tbody.append(...p.factors.flatMap(factorRows));
    const total = el('tr');
    const totalLabel = el('th', undefined, t('details.total'));
    totalLabel.scope = 'row';
    totalLabel.colSpan = 3;
    total.append(totalLabel, el('td', 'num contribution', formatNumber(p.need)));
    const tfoot = el('tfoot');
    tfoot.append(total);
    table.append(thead, tbody, tfoot);

    const parts: Node[] = [heading, name, summary];
    if (getLang() === 'fr' && p.factors.some((f) => f.evidence.length > 0)) parts.push(el('p', 'help', t('details.evidenceLang')));
    parts.push(table);
    container.replaceChildren(...parts);
  };

  onLangChange(render);
  render();
  return {
    show(next) {
      place = next;
      render();
    },
  };
}
