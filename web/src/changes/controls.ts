/**
 * The period compared (two ISO date fields: the last meeting, and now), which incidents to
 * list, the area when the map sent one, and the two ways out for the minutes: the CSV file
 * and the print. A date counts once whole and valid, and the two only once in order.
 */
import { el } from '../shared/dom.js';
import { isoDateField } from '../shared/iso-date-input.js';
import { isIsoDate } from '../shared/iso-dates.js';
import { formatNumber, onLangChange, t } from './translate.js';
import { INCIDENT_CHOICES, MAX_SPAN_DAYS, periodProblem, type ChangesQuery } from './query.js';

export interface ControlsOptions {
  onChange(query: ChangesQuery): void;
  onCsv(): void;
  onPrint(): void;
}

export interface Controls {
  /** Whether there is a list to download or print. */
  setReady(ready: boolean): void;
}

/** The area in words: the whole data, or the box as the address gave it. */
export function areaText(bbox: ChangesQuery['bbox']): string {
  if (!bbox) return t('form.areaAll');
  const [west, south, east, north] = bbox.map((v) => formatNumber(v, 4));
  return t('form.areaBox', { west: west!, south: south!, east: east!, north: north! });
}

function dateInput(id: string, name: string, value: string): HTMLInputElement {
  const input = el('input');
  input.id = id;
  input.name = name;
  input.required = true;
  input.value = value;
  return input;
}

export function createControls(container: HTMLElement, initial: ChangesQuery, options: ControlsOptions): Controls {
  let query = { ...initial };

  const form = el('form', 'changes-form');
  form.noValidate = true;
  form.addEventListener('submit', (event) => event.preventDefault());

  const fromLabel = el('label', 'field-label');
  fromLabel.htmlFor = 'changes-from';
  const from = dateInput('changes-from', 'from', query.from);
  const toLabel = el('label', 'field-label');
  toLabel.htmlFor = 'changes-to';
  const to = dateInput('changes-to', 'to', query.to);
  const fromField = el('div', 'field');
  fromField.append(fromLabel, isoDateField(from));
  const toField = el('div', 'field');
  toField.append(toLabel, isoDateField(to));
  const error = el('p', 'field-error');
  error.id = 'changes-period-error';
  error.setAttribute('role', 'alert');
  error.hidden = true;

  const incidents = el('fieldset', 'changes-incidents');
  const incidentsLegend = el('legend', 'field-label');
  incidents.append(incidentsLegend);
  const incidentTexts = new Map<string, HTMLSpanElement>();
  for (const choice of INCIDENT_CHOICES) {
    const label = el('label', 'changes-choice');
    const radio = el('input');
    radio.type = 'radio';
    radio.name = 'incidents';
    radio.value = choice;
    radio.id = `changes-incidents-${choice}`;
    radio.checked = query.incidents === choice;
    radio.addEventListener('change', () => {
      if (!radio.checked) return;
      query = { ...query, incidents: choice };
      options.onChange({ ...query });
    });
    const text = el('span');
    incidentTexts.set(choice, text);
    label.append(radio, text);
    incidents.append(label);
  }

  const area = el('div', 'field changes-area');
  const areaLabel = el('span', 'field-label');
  areaLabel.id = 'changes-area-label';
  const areaValue = el('p', 'changes-area-value');
  areaValue.id = 'changes-area';
  const areaClear = el('button', 'secondary');
  areaClear.type = 'button';
  areaClear.id = 'changes-area-clear';
  areaClear.addEventListener('click', () => {
    query = { ...query, bbox: null };
    translate();
    options.onChange({ ...query });
  });
  area.append(areaLabel, areaValue, areaClear);

  const actions = el('div', 'changes-actions');
  const csv = el('button', 'primary');
  csv.type = 'button';
  csv.id = 'changes-csv';
  csv.disabled = true;
  csv.addEventListener('click', () => options.onCsv());
  const print = el('button', 'secondary');
  print.type = 'button';
  print.id = 'changes-print';
  print.disabled = true;
  print.addEventListener('click', () => options.onPrint());
  actions.append(csv, print);

  const dates = el('div', 'changes-dates');
  dates.append(fromField, toField);
  form.append(dates, error, incidents, area, actions);
  container.append(form);

  /** The two dates as typed: a problem said under them, or the query asked anew. */
  const onDate = () => {
    const bad = [from, to].filter((input) => !isIsoDate(input.value));
    const problem = bad.length > 0 ? 'invalid' : periodProblem(from.value, to.value);
    for (const input of [from, to]) {
      const wrong = bad.includes(input) || (problem !== null && problem !== 'invalid');
      if (wrong) {
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', error.id);
      } else {
        input.removeAttribute('aria-invalid');
        input.removeAttribute('aria-describedby');
      }
    }
    error.hidden = problem === null;
    error.dataset.problem = problem ?? '';
    showError();
    if (problem !== null) return;
    if (from.value === query.from && to.value === query.to) return;
    query = { ...query, from: from.value, to: to.value };
    options.onChange({ ...query });
  };
  from.addEventListener('change', onDate);
  to.addEventListener('change', onDate);

  const showError = () => {
    const problem = error.dataset.problem;
    error.textContent =
      problem === 'invalid' ? t('form.dateInvalid') : problem === 'order' ? t('form.order') : problem === 'span' ? t('form.span', { days: MAX_SPAN_DAYS }) : '';
  };

  const translate = () => {
    form.setAttribute('aria-label', t('form.label'));
    fromLabel.textContent = t('form.from');
    toLabel.textContent = t('form.to');
    incidentsLegend.textContent = t('form.incidents');
    for (const [choice, text] of incidentTexts) text.textContent = t(`form.incidents.${choice as 'serious' | 'all'}`);
    areaLabel.textContent = t('form.area');
    areaValue.textContent = areaText(query.bbox);
    areaClear.textContent = t('form.areaClear');
    areaClear.hidden = query.bbox === null;
    csv.textContent = t('form.csv');
    print.textContent = t('form.print');
    showError();
  };
  translate();
  onLangChange(translate);

  return {
    setReady(ready) {
      csv.disabled = !ready;
      print.disabled = !ready;
    },
  };
}
