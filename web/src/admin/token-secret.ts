/**
 * A token's secret, shown once, right after it is issued: selected on focus, with a button
 * that copies it (or says to copy it by hand where the page may not use the clipboard), until
 * the user says it is copied.
 */
import { el, labelled } from '../shared/dom.js';
import { button } from './format.js';
import { t } from './messages.js';

export interface IssuedSecret {
  name: string;
  token: string;
}

export function createTokenSecret(options: { onDismiss(): void }) {
  const box = el('div', 'token-secret');
  box.hidden = true;
  let secret: IssuedSecret | null = null;
  let copyNote: 'tokens.copied' | 'tokens.copyManually' | null = null;

  function render(): void {
    box.hidden = !secret;
    if (!secret) {
      box.replaceChildren();
      return;
    }
    const title = el('p', 'token-secret-title', t('tokens.secretTitle', { name: secret.name }));
    const field = labelled('token-secret-value', el('input'), 'admin-field token-secret-field');
    field.label.textContent = t('tokens.secretLabel');
    field.control.readOnly = true;
    field.control.value = secret.token;
    field.control.spellcheck = false;
    field.control.addEventListener('focus', () => field.control.select());
    const copy = button(t('tokens.copy'), 'admin-button token-copy', () => void copySecret(field.control));
    const row = el('div', 'token-secret-row');
    row.append(field.wrapper, copy);
    const hint = el('p', 'field-help', t('tokens.secretHint'));
    const note = el('p', 'token-copy-note', copyNote ? t(copyNote) : '');
    note.setAttribute('role', 'status');
    const dismiss = button(t('tokens.dismiss'), 'admin-button token-dismiss', () => {
      secret = null;
      copyNote = null;
      render();
      options.onDismiss();
    });
    box.replaceChildren(title, row, hint, note, dismiss);
  }

  async function copySecret(input: HTMLInputElement): Promise<void> {
    input.focus();
    input.select();
    try {
      // Only on secure pages (https or this machine); elsewhere the selected text is copied by hand.
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(input.value);
      copyNote = 'tokens.copied';
    } catch {
      copyNote = 'tokens.copyManually';
    }
    const note = box.querySelector('.token-copy-note');
    if (note) note.textContent = t(copyNote);
  }

  return {
    element: box,
    /** Shows a secret just issued. */
    show(issued: IssuedSecret): void {
      secret = issued;
      copyNote = null;
      render();
    },
    /** Forgets the secret; it goes from the page at the next render. */
    forget(): void {
      secret = null;
      copyNote = null;
    },
    render,
    focus(): void {
      box.querySelector<HTMLInputElement>('#token-secret-value')?.focus();
    },
  };
}
