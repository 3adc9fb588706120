/**
 * The small pieces the incident form is built of: a plain button, a fieldset with its legend,
 * a select of one vocabulary and a data field's label, in the page's language.
 */
import { el } from '../../shared/dom.js';
import { fieldLabel } from '../../shared/field-labels.js';
import { vocabulary } from '../contested/contested-reasons.js';
import { localize, t, type MessageKey } from '../messages.js';

/** A button that never submits anything: the form is a group of fields, not a <form>. */
export function button(className: string): HTMLButtonElement {
  const b = el('button', className);
  b.type = 'button';
  return b;
}

export function fieldset(className: string): { set: HTMLFieldSetElement; legend: HTMLLegendElement } {
  const set = el('fieldset', `incident-fieldset ${className}`);
  const legend = el('legend');
  set.append(legend);
  return { set, legend };
}

/** Fills a select with a field's values in the page's language, keeping what was chosen. */
export function fillSelect(select: HTMLSelectElement, field: string, values: readonly (string | number)[], empty?: MessageKey): void {
  const chosen = select.value;
  const options = values.map((v) => new Option(vocabulary(field, String(v)), String(v)));
  select.replaceChildren(...(empty ? [new Option(t(empty), '')] : []), ...options);
  select.value = chosen;
}

/** The label of a data field, in the page's language. */
export function label(field: string): string {
  const known = fieldLabel(field);
  return known ? localize(known) : field;
}
