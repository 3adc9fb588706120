/**
 * The one way the page builds elements: text goes in through `textContent` only, so that a
 * record's name, whatever markup it holds, can never become HTML.
 */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}

/** A labelled form field: the label's `for` ties it to the control for screen readers and clicks. */
export function labelled<T extends HTMLElement>(id: string, control: T, className = 'field'): { wrapper: HTMLDivElement; label: HTMLLabelElement; control: T } {
  const wrapper = el('div', className);
  const label = el('label');
  label.htmlFor = id;
  control.id = id;
  wrapper.append(label, control);
  return { wrapper, label, control };
}

/**
 * A text with a shorter form for a phone's one-line header: both are in the page, and base.css
 * shows one, so a screen reader reads the one that is seen.
 */
export function setLongAndShort(element: HTMLElement, long: string, short: string): void {
  element.replaceChildren(el('span', 'text-long', long), el('span', 'text-short', short));
}
