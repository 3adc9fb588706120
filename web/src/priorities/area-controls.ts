/**
 * The area the page covers (issue #15): a province, all of them, or a territory of one,
 * chosen from the areas the data holds (the ranking's `areas`). The page opens on the working
 * group's home province (the API's HOME_PROVINCE), and its title follows the area shown.
 */
import { el } from '../shared/dom.js';
import type { AreaList, AreaShown } from './api.js';
import { ALL_PROVINCES } from './query.js';
import { getLang, onLangChange, t } from './translate.js';

/** Provinces the English page names in English; the others are written alike in both. */
const ENGLISH: Record<string, string> = { 'Sud-Kivu': 'South Kivu', 'Nord-Kivu': 'North Kivu' };

export function provinceName(name: string): string {
  return getLang() === 'en' ? (ENGLISH[name] ?? name) : name;
}

/** The area of a ranking in words: 'Sud-Kivu', 'Kalehe (Sud-Kivu)', 'Toutes les provinces'. */
export function areaLabel(area: AreaShown | null): string | null {
  if (!area) return null;
  const province = area.province === null ? null : provinceName(area.province);
  if (area.territory !== null) return province === null ? area.territory : t('area.in', { territory: area.territory, province });
  return province ?? t('area.all');
}

export interface AreaChoice {
  /** null: the home province. */
  province: string | null;
  territory: string | null;
}

export interface AreaControls {
  /** The ranking came back: its area and the areas the data holds. */
  update(shown: AreaShown, areas: AreaList): void;
}

function select(id: string): { field: HTMLDivElement; input: HTMLSelectElement; label: HTMLLabelElement } {
  const input = el('select');
  input.id = id;
  input.name = id;
  const label = el('label', 'field-label');
  label.htmlFor = id;
  const field = el('div', 'field');
  field.append(label, input);
  return { field, input, label };
}

const option = (value: string, text: string) => {
  const o = el('option', undefined, text);
  o.value = value;
  return o;
};

export function createAreaControls(container: HTMLElement, initial: AreaChoice, onChange: (choice: AreaChoice) => void): AreaControls {
  const heading = el('h2', 'panel-heading');
  const help = el('p', 'help');
  const province = select('area-province');
  const territory = select('area-territory');
  const unlocated = el('p', 'help');
  unlocated.id = 'area-unlocated';
  const homeNote = el('p', 'help');
  homeNote.id = 'area-home';
  container.replaceChildren(heading, province.field, territory.field, help, homeNote, unlocated);

  const choice: AreaChoice = { ...initial };
  let shown: AreaShown | null = null;
  let areas: AreaList = { provinces: [], unlocated: 0 };

  const render = () => {
    heading.textContent = t('area.title');
    help.textContent = t('area.help');
    province.label.textContent = t('area.province');
    territory.label.textContent = t('area.territory');
    const home = shown?.home_province ?? null;
    const names = areas.provinces.map((p) => p.name);
    if (home !== null && !names.includes(home)) names.unshift(home);
    const count = (name: string) => areas.provinces.find((p) => p.name === name)?.places ?? 0;
    province.input.replaceChildren(
      ...names.map((name) => option(name, t('area.option', { name: provinceName(name), count: count(name) }))),
      option(ALL_PROVINCES, t('area.all')),
    );
    // What is shown: the ranking's own area once it has come back, else what was asked.
    const current = choice.province ?? home ?? '';
    province.input.value = current;
    const territories = areas.provinces.find((p) => p.name === current)?.territories ?? [];
    territory.input.replaceChildren(
      option('', t('area.allTerritories')),
      ...territories.map((tr) => option(tr.name, t('area.option', { name: tr.name, count: tr.places }))),
    );
    const asked = choice.territory?.toLocaleLowerCase();
    territory.input.value = territories.find((tr) => tr.name.toLocaleLowerCase() === asked)?.name ?? '';
    territory.input.disabled = territories.length === 0;
    homeNote.textContent = home === null ? '' : t('area.home', { province: provinceName(home) });
    unlocated.textContent = areas.unlocated > 0 && current !== ALL_PROVINCES ? t('area.unlocated', { count: areas.unlocated }) : '';
    unlocated.hidden = unlocated.textContent === '';
  };

  province.input.addEventListener('change', () => {
    const value = province.input.value;
    // The home province is asked for by asking for none: the address stays short, and follows HOME_PROVINCE.
    choice.province = value === shown?.home_province ? null : value;
    choice.territory = null;
    render();
    onChange({ ...choice });
  });
  territory.input.addEventListener('change', () => {
    choice.territory = territory.input.value === '' ? null : territory.input.value;
    onChange({ ...choice });
  });

  onLangChange(render);
  render();
  return {
    update(nextShown, nextAreas) {
      shown = nextShown;
      areas = nextAreas;
      // The choice as the API understood it: 'South Kivu' from an address is shown as 'Sud-Kivu'.
      choice.province = nextShown.home ? null : (nextShown.province ?? ALL_PROVINCES);
      choice.territory = nextShown.territory;
      render();
    },
  };
}
