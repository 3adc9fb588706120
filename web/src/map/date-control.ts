/**
 * The as-of date: the map shows the situation on one day. Defaults to today, or to the
 * page address's `?date=` so that a view can be shared; a change reloads the layers.
 */
import { isoDateField } from '../shared/iso-date-input.js';
import { isIsoDate } from '../shared/iso-dates.js';
import { onLangChange, t } from './messages.js';

export { isIsoDate };

/** The date the page address asks for, when it is a real date. */
export function dateFromAddress(): string | null {
  const value = new URLSearchParams(location.search).get('date');
  return value && isIsoDate(value) ? value : null;
}

export interface DateControl {
  readonly value: string;
  /** Shows `date` and puts it in the address, without calling back: the caller loads it. */
  set(date: string): void;
}

export function createDateControl(container: HTMLElement, initial: string, onChange: (date: string) => void): DateControl {
  const label = document.createElement('label');
  label.htmlFor = 'as-of-date';
  const input = document.createElement('input');
  input.id = 'as-of-date';
  input.name = 'date';
  input.required = true;
  input.value = initial;
  const help = document.createElement('p');
  help.id = 'as-of-date-help';
  help.className = 'help';
  input.setAttribute('aria-describedby', help.id);
  const error = document.createElement('p');
  error.className = 'field-error';
  error.setAttribute('role', 'alert');
  error.hidden = true;
  container.append(label, isoDateField(input), help, error);

  let value = initial;
  input.addEventListener('change', () => {
    // A date part-way typed is said to be wrong only when the user leaves the field (iso-date-input.ts).
    if (!isIsoDate(input.value)) {
      error.hidden = false;
      error.textContent = t('date.invalid');
      input.setAttribute('aria-invalid', 'true');
      return;
    }
    error.hidden = true;
    input.removeAttribute('aria-invalid');
    if (input.value === value) return;
    show(input.value);
    onChange(value);
  });

  function show(date: string): void {
    value = date;
    input.value = date;
    error.hidden = true;
    input.removeAttribute('aria-invalid');
    const url = new URL(location.href);
    url.searchParams.set('date', value);
    history.replaceState(null, '', url);
  }

  const refresh = () => {
    label.textContent = t('date.label');
    help.textContent = t('date.help');
    if (!error.hidden) error.textContent = t('date.invalid');
  };
  onLangChange(refresh);
  refresh();

  return {
    get value() {
      return value;
    },
    set: show,
  };
}
