/**
 * The export dialog's texts: each one set now and again on every language switch, so that the
 * parts that build the dialog say what an element reads without each listening for the switch.
 */
import { t, type MessageKey } from '../messages.js';

export interface Texts {
  /** Sets an element's text now and on every language switch. */
  text(element: HTMLElement, key: MessageKey): void;
  /** A text worked out from more than a key (a layer's title, the map's date), said from the next apply() on. */
  add(apply: () => void): void;
  /** Says every text again, in the page's language. */
  apply(): void;
}

export function createTexts(): Texts {
  const texts: Array<() => void> = [];
  return {
    text(element, key) {
      const apply = () => (element.textContent = t(key));
      apply();
      texts.push(apply);
    },
    add(apply) {
      texts.push(apply);
    },
    apply() {
      for (const apply of texts) apply();
    },
  };
}
