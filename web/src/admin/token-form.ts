/**
 * The form that issues a token: what it is for, and in how many days it expires (none: until
 * revoked). Reading it says what to fix before anything is sent.
 */
import { el, labelled } from '../shared/dom.js';
import { t, type AdminMessageKey } from './messages.js';

export type TokenRequest = { name: string; expires_in_days?: number };
export type TokenFormReading = { ok: true; request: TokenRequest } | { ok: false; key: AdminMessageKey; field: HTMLInputElement };

export function createTokenForm() {
  const heading = el('h4');
  const form = el('form', 'admin-form token-form');
  form.noValidate = true;
  const name = labelled('token-name', el('input'), 'admin-field');
  name.control.maxLength = 100;
  const nameHelp = el('p', 'field-help');
  nameHelp.id = 'token-name-help';
  name.control.setAttribute('aria-describedby', nameHelp.id);
  name.wrapper.append(nameHelp);
  const days = labelled('token-days', el('input'), 'admin-field');
  days.control.type = 'text';
  days.control.inputMode = 'numeric';
  days.control.size = 6;
  const daysHelp = el('p', 'field-help');
  daysHelp.id = 'token-days-help';
  days.control.setAttribute('aria-describedby', daysHelp.id);
  days.wrapper.append(daysHelp);
  const submit = el('button', 'admin-button admin-primary');
  submit.type = 'submit';
  form.append(name.wrapper, days.wrapper, submit);

  return {
    heading,
    form,
    submit,
    nameInput: name.control,
    /** The request to send, or the first field to fix and why. */
    read(): TokenFormReading {
      const tokenName = name.control.value.trim();
      const daysText = days.control.value.trim();
      if (!tokenName) return { ok: false, key: 'tokens.missingName', field: name.control };
      const daysValid = /^\d+$/.test(daysText) && Number(daysText) >= 1 && Number(daysText) <= 3650;
      if (daysText && !daysValid) return { ok: false, key: 'tokens.badDays', field: days.control };
      return { ok: true, request: { name: tokenName, ...(daysText ? { expires_in_days: Number(daysText) } : {}) } };
    },
    translate(): void {
      heading.textContent = t('tokens.issueHeading');
      name.label.textContent = t('tokens.newName');
      nameHelp.textContent = t('tokens.newNameHelp');
      days.label.textContent = t('tokens.days');
      daysHelp.textContent = t('tokens.daysHelp');
      submit.textContent = t('tokens.issue');
    },
  };
}
