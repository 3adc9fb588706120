/**
 * A group of real checkboxes (so Tab, Space and screen readers work as for any form) with
 * "all" and "none" buttons, in a fieldset whose legend names it: the shape of every filter
 * of the panel. Texts are given as functions and re-read on every language switch.
 */
import { el } from './dom.js';
import { onLangChange } from './language.js';

export interface ChoiceGroupOptions<V extends string> {
  /** Class prefix of the parts (`<prefix>-set`, `-title`, `-options`, `-option`, `-all`, `-none`). */
  prefix: string;
  /** The checkboxes' `name`. */
  name: string;
  values: readonly V[];
  title(): string;
  label(value: V): string;
  all(): string;
  none(): string;
  onChange(): void;
}

export interface ChoiceGroup<V extends string> {
  readonly element: HTMLFieldSetElement;
  /** The values ticked now, in the order given. */
  selected(): V[];
  /** Every value ticked: the filter lets everything through, values not listed included. */
  allSelected(): boolean;
}

export function createChoiceGroup<V extends string>(options: ChoiceGroupOptions<V>): ChoiceGroup<V> {
  const { prefix } = options;
  const fieldset = el('fieldset', `${prefix}-set`);
  const legend = el('legend', `${prefix}-title`);
  const list = el('div', `${prefix}-options`);
  const boxes: Array<[HTMLInputElement, HTMLSpanElement, V]> = [];
  for (const value of options.values) {
    const label = el('label', `${prefix}-option`);
    const box = el('input');
    box.type = 'checkbox';
    box.name = options.name;
    box.value = value;
    box.checked = true;
    box.addEventListener('change', () => options.onChange());
    const text = el('span');
    label.append(box, text);
    list.append(label);
    boxes.push([box, text, value]);
  }
  const buttons = el('div', `${prefix}-buttons`);
  const all = el('button', `${prefix}-all`);
  const none = el('button', `${prefix}-none`);
  for (const [button, checked] of [
    [all, true],
    [none, false],
  ] as const) {
    button.type = 'button';
    button.addEventListener('click', () => {
      for (const [box] of boxes) box.checked = checked;
      options.onChange();
    });
    buttons.append(button);
  }
  fieldset.append(legend, list, buttons);

  const translate = () => {
    legend.textContent = options.title();
    all.textContent = options.all();
    none.textContent = options.none();
    for (const [, text, value] of boxes) text.textContent = options.label(value);
  };
  translate();
  onLangChange(translate);

  const selected = () => boxes.filter(([box]) => box.checked).map(([, , value]) => value);
  return {
    element: fieldset,
    selected,
    allSelected: () => boxes.every(([box]) => box.checked),
  };
}
