/**
 * The head of a case file: its status, dates, parties and places. Places are named once their
 * records are fetched (claims, zones and sites have only an id in the case file).
 */
import { el } from '../shared/dom.js';
import type { CaseFile, Place } from './cases-api.js';
import { shapeKey } from './case-shapes.js';
import { getLang, onLangChange, partyWords, placeWords, statusWords, t } from './translate.js';

export interface CaseOverview {
  setNames(names: ReadonlyMap<string, string>): void;
}

export function placeName(place: Place, names: ReadonlyMap<string, string>): string {
  if (place.kind === 'town') return place.name ?? '';
  const id = place.record_id ?? 0;
  return names.get(shapeKey(`${place.kind}s`, id)) ?? t('place.recordId', { id });
}

export function createCaseOverview(container: HTMLElement, file: CaseFile): CaseOverview {
  let names: ReadonlyMap<string, string> = new Map();
  const render = () => {
    const facts = el('p', 'case-facts');
    const status = el('strong', 'case-status', t('case.status', { status: statusWords(file.status) }));
    status.dataset.status = file.status;
    const parts = [t('case.opened', { date: file.opened_on }), t('case.steps', { count: file.step_count })];
    if (file.last_step_on) parts.push(t('case.lastStep', { date: file.last_step_on }));
    if (file.overdue_follow_ups !== undefined) parts.push(t('case.overdue', { count: file.overdue_follow_ups }));
    facts.append(status, ` — ${parts.join(' · ')}`);
    if (file.illustrative) facts.append(' ', el('span', 'badge-illustrative', t('badge.illustrative')));

    const parties = el('section', 'case-parties');
    parties.append(el('h2', undefined, t('case.parties')));
    const partyList = el('ul', 'case-list-compact');
    for (const party of file.parties) {
      const li = el('li');
      li.dataset.kind = party.kind;
      li.append(el('span', 'case-kind', `${partyWords(party.kind)}${getColon()}`), party.name ?? '');
      partyList.append(li);
    }
    if (file.parties.length === 0) partyList.append(el('li', 'case-none', t('case.noParties')));
    parties.append(partyList);

    const places = el('section', 'case-places');
    places.append(el('h2', undefined, t('case.places')));
    const placeList = el('ul', 'case-list-compact');
    for (const place of file.places) {
      const li = el('li');
      li.dataset.kind = place.kind;
      if (place.record_id !== null) li.dataset.recordId = String(place.record_id);
      li.append(el('span', 'case-kind', `${placeWords(place.kind)}${getColon()}`), placeName(place, names));
      placeList.append(li);
    }
    if (file.places.length === 0) placeList.append(el('li', 'case-none', t('case.noPlaces')));
    places.append(placeList);

    const who = el('div', 'case-who');
    who.append(parties, places);
    container.replaceChildren(facts, who);
  };
  onLangChange(render);
  render();
  return {
    setNames(next) {
      names = next;
      render();
    },
  };
}

/** French puts a (narrow no-break) space before the colon. */
function getColon(): string {
  return getLang() === 'en' ? ': ' : '\u202f: ';
}
