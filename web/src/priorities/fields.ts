/** Small form helpers shared by the control panels. */
import { el } from '../shared/dom.js';

/** `aria-invalid` must read "true"; an empty attribute counts as valid to assistive technology. */
export function markInvalid(input: HTMLElement, invalid: boolean): void {
  if (invalid) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
}

/** A labelled number input; the label's text is set by the caller, in the current language. */
export function numberField(id: string, value: number, attrs: { min: number; max: number; step: number }) {
  const input = el('input');
  input.type = 'number';
  input.id = id;
  input.name = id;
  input.required = true;
  input.inputMode = 'decimal';
  input.min = String(attrs.min);
  input.max = String(attrs.max);
  input.step = String(attrs.step);
  input.value = String(value);
  const label = el('label', 'field-label');
  label.htmlFor = id;
  const field = el('div', 'field');
  field.append(label, input);
  return { field, input, label };
}
