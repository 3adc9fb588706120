/**
 * A date field that shows and takes ISO dates (2019-07-25) whatever the browser's locale
 * (issue 14): an `<input type=date>` follows the browser's language, so a French page on an
 * English browser showed 07/25/2019. The field is text, with the browser's own calendar one
 * click away on a button beside it. A whole valid date typed or pasted, or the field emptied,
 * counts at once, as a date input's would, so the callers keep listening to `change`.
 */
import './iso-date-input.css';
import { isIsoDate } from './iso-dates.js';
import { getLang, onLangChange, type Localized } from './language.js';
const TEXTS = {
  placeholder: { fr: 'AAAA-MM-JJ', en: 'YYYY-MM-DD' },
  picker: { fr: 'Choisir dans le calendrier', en: 'Pick from a calendar' },
} satisfies Record<string, Localized>;

const SVG = 'http://www.w3.org/2000/svg';
function calendarIcon(): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('width', '16');
  svg.setAttribute('height', '16');
  svg.setAttribute('aria-hidden', 'true');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', 'M2 3.5h12v10H2z M2 6.5h12 M5 2v3 M11 2v3 M4.5 9h2 M9.5 9h2 M4.5 11.5h2');
  path.setAttribute('fill', 'none');
  path.setAttribute('stroke', 'currentColor');
  path.setAttribute('stroke-width', '1.4');
  svg.append(path);
  return svg;
}

/**
 * Turns `input` into an ISO date field, in place when it is already in the page; returns the
 * element that holds it, its calendar button and the hidden picker, to put where the input goes.
 */
export function isoDateField(input: HTMLInputElement): HTMLSpanElement {
  const field = document.createElement('span');
  field.className = 'iso-date-field';
  input.replaceWith(field);
  input.type = 'text';
  input.inputMode = 'numeric';
  input.autocomplete = 'off';
  input.maxLength = 10;
  input.pattern = '\\d{4}-\\d{2}-\\d{2}';
  input.classList.add('iso-date');

  const picker = document.createElement('input');
  picker.type = 'date';
  picker.className = 'iso-date-picker';
  picker.tabIndex = -1;
  picker.setAttribute('aria-hidden', 'true');
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'iso-date-button';
  if (input.id) button.id = `${input.id}-picker`;
  button.append(calendarIcon());
  field.append(input, button, picker);

  let announced = input.value;
  const announce = () => {
    if (input.value === announced) return;
    announced = input.value;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  };
  input.addEventListener('input', () => {
    // A whole date, or an emptied field (an optional date taken away): both are complete answers.
    if (isIsoDate(input.value) || input.value === '') announce();
  });
  // A partial or wrong date is said when the user leaves the field, as a date input does.
  input.addEventListener('change', () => {
    announced = input.value;
  });
  button.addEventListener('click', () => {
    picker.value = isIsoDate(input.value) ? input.value : '';
    picker.min = input.min;
    picker.max = input.max;
    try {
      picker.showPicker();
    } catch {
      // A browser without showPicker (or one refusing it here): the field still takes typed dates.
      input.focus();
    }
  });
  picker.addEventListener('change', () => {
    if (!isIsoDate(picker.value)) return;
    input.value = picker.value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.focus();
  });

  const translate = () => {
    const lang = getLang();
    input.placeholder = TEXTS.placeholder[lang];
    button.setAttribute('aria-label', TEXTS.picker[lang]);
    button.title = TEXTS.picker[lang];
  };
  translate();
  onLangChange(translate);
  return field;
}
