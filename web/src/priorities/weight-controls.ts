/**
 * Date and one native range input per factor weight: arrows, Page Up/Down, Home and End
 * all work as the browser gives them, and each slider shows its number beside it.
 */
import { el } from '../shared/dom.js';
import { DEFAULT_WEIGHTS, FACTORS, weightParam, type Factor, type Weights } from './factors.js';
import { markInvalid } from './fields.js';
import { factorSwatch } from './patterns.js';
import { isIsoDate } from './query.js';
import { isoDateField } from '../shared/iso-date-input.js';
import { formatNumber, onLangChange, t } from './translate.js';

/** Ten is ample beside defaults of 1 to 3; a weight from the address above it widens its slider. */
const SLIDER_MAX = 10;
const SLIDER_STEP = 0.5;

export interface WeightState {
  date: string;
  weights: Weights;
}

export type ChangeCause = 'date' | 'weight' | 'reset';

export function createWeightControls(container: HTMLElement, initial: WeightState, onChange: (state: WeightState, cause: ChangeCause) => void): void {
  const state: WeightState = { date: initial.date, weights: { ...initial.weights } };

  const dateLabel = el('label', 'field-label');
  dateLabel.htmlFor = 'as-of-date';
  const date = el('input');
  date.id = 'as-of-date';
  date.name = 'date';
  date.required = true;
  date.value = state.date;
  const dateError = el('p', 'field-error');
  dateError.id = 'as-of-date-error';
  dateError.setAttribute('role', 'alert');
  dateError.hidden = true;
  date.addEventListener('change', () => {
    // A date part-way typed counts only once whole, or when the user leaves the field (iso-date-input.ts).
    const valid = isIsoDate(date.value);
    dateError.hidden = valid;
    markInvalid(date, !valid);
    if (valid) date.removeAttribute('aria-describedby');
    else date.setAttribute('aria-describedby', dateError.id);
    if (!valid || date.value === state.date) return;
    state.date = date.value;
    onChange({ ...state, weights: { ...state.weights } }, 'date');
  });
  const dateField = el('div', 'field');
  dateField.append(dateLabel, isoDateField(date), dateError);

  const heading = el('h2', 'panel-heading');
  const help = el('p', 'help');
  help.id = 'weights-help';
  const sliders = new Map<Factor, { input: HTMLInputElement; output: HTMLOutputElement; name: HTMLSpanElement; fallback: HTMLSpanElement }>();
  const list = el('div', 'weight-list');
  for (const factor of FACTORS) {
    const id = `weight-${factor}`;
    const input = el('input');
    input.type = 'range';
    input.id = id;
    input.name = weightParam(factor);
    input.min = '0';
    input.max = String(Math.max(SLIDER_MAX, state.weights[factor]));
    input.step = String(SLIDER_STEP);
    input.value = String(state.weights[factor]);
    const fallback = el('span', 'weight-default');
    fallback.id = `${id}-default`;
    input.setAttribute('aria-describedby', `${fallback.id} weights-help`);
    const output = el('output', 'weight-value');
    output.htmlFor.add(id);
    const label = el('label', 'weight-label');
    label.htmlFor = id;
    const name = el('span');
    label.append(factorSwatch(factor, 16), name);
    const row = el('div', 'weight-row');
    row.dataset.factor = factor;
    const top = el('div', 'weight-top');
    top.append(label, output);
    row.append(top, input, fallback);
    list.append(row);
    sliders.set(factor, { input, output, name, fallback });
    input.addEventListener('input', () => {
      state.weights[factor] = Number(input.value);
      output.value = formatNumber(state.weights[factor]);
      onChange({ ...state, weights: { ...state.weights } }, 'weight');
    });
  }

  const reset = el('button', 'secondary');
  reset.type = 'button';
  reset.id = 'reset-weights';
  reset.addEventListener('click', () => {
    state.weights = { ...DEFAULT_WEIGHTS };
    for (const [factor, { input, output }] of sliders) {
      input.value = String(state.weights[factor]);
      output.value = formatNumber(state.weights[factor]);
    }
    onChange({ ...state, weights: { ...state.weights } }, 'reset');
  });

  container.replaceChildren(dateField, heading, help, list, reset);

  const translate = () => {
    dateLabel.textContent = t('date.label');
    dateError.textContent = t('date.invalid');
    heading.textContent = t('weights.title');
    help.textContent = t('weights.help');
    reset.textContent = t('weights.reset');
    for (const [factor, { output, name, fallback }] of sliders) {
      name.textContent = t(`factor.${factor}`);
      output.value = formatNumber(state.weights[factor]);
      fallback.textContent = t('weights.default', { value: formatNumber(DEFAULT_WEIGHTS[factor]) });
    }
  };
  onLangChange(translate);
  translate();
}
