/**
 * Creating an account: its username, display name, role and (optionally) password; without
 * one the account is for scripts only, through API tokens. Its own message line says how it went.
 */
import { el, labelled } from '../shared/dom.js';
import { roleName, type Role } from '../shared/messages-session.js';
import { createAccount } from './admin-api.js';
import { errorText, messageLine } from './format.js';
import { t } from './messages.js';
import { roleSelect } from './role-select.js';

function createFields() {
  const form = el('form', 'admin-form');
  form.noValidate = true;
  const username = labelled('new-username', el('input'), 'admin-field');
  username.control.autocomplete = 'off';
  username.control.autocapitalize = 'none';
  username.control.spellcheck = false;
  username.control.maxLength = 63;
  const usernameHelp = el('p', 'field-help');
  usernameHelp.id = 'new-username-help';
  username.control.setAttribute('aria-describedby', usernameHelp.id);
  username.wrapper.append(usernameHelp);
  const displayName = labelled('new-display-name', el('input'), 'admin-field');
  displayName.control.maxLength = 200;
  const role = labelled('new-role', roleSelect('new-role', 'viewer'), 'admin-field');
  const password = labelled('new-password', el('input'), 'admin-field');
  password.control.type = 'password';
  password.control.autocomplete = 'new-password';
  const passwordHelp = el('p', 'field-help');
  passwordHelp.id = 'new-password-help';
  password.control.setAttribute('aria-describedby', passwordHelp.id);
  password.wrapper.append(passwordHelp);
  const submit = el('button', 'admin-button admin-primary');
  submit.type = 'submit';
  form.append(username.wrapper, displayName.wrapper, role.wrapper, password.wrapper, submit);
  return { form, username, usernameHelp, displayName, role, password, passwordHelp, submit };
}

/** The section that creates an account; `onCreated` reloads the list. */
export function createAccountSection(options: { onCreated(): Promise<void> }) {
  const section = el('section', 'admin-subsection account-create');
  const heading = el('h3');
  heading.id = 'create-heading';
  section.setAttribute('aria-labelledby', heading.id);
  const f = createFields();
  const message = messageLine('create-message');
  section.append(heading, f.form, message.element);

  async function create(): Promise<void> {
    const name = f.username.control.value.trim();
    if (!name) {
      message.show(() => t('create.missing'), 'error');
      f.username.control.focus();
      return;
    }
    f.submit.disabled = true;
    try {
      const body = {
        username: name,
        role: f.role.control.value as Role,
        ...(f.displayName.control.value.trim() ? { display_name: f.displayName.control.value.trim() } : {}),
        ...(f.password.control.value ? { password: f.password.control.value } : {}),
      };
      const created = await createAccount(body);
      message.show(() => t('create.done', { username: created.username, role: roleName(created.role) }), 'ok');
      f.form.reset();
      f.role.control.value = 'viewer';
      await options.onCreated();
    } catch (error) {
      message.show(() => t('common.error', { message: errorText(error) }), 'error');
    } finally {
      f.submit.disabled = false;
    }
  }
  f.form.addEventListener('submit', (event) => {
    event.preventDefault();
    void create();
  });

  return {
    section,
    translate(): void {
      heading.textContent = t('create.heading');
      f.username.label.textContent = t('create.username');
      f.usernameHelp.textContent = t('create.usernameHelp');
      f.displayName.label.textContent = t('create.displayName');
      f.role.label.textContent = t('create.role');
      const chosen = f.role.control.value;
      for (const option of f.role.control.options) option.textContent = roleName(option.value);
      f.role.control.value = chosen;
      f.password.label.textContent = t('create.password');
      f.passwordHelp.textContent = t('create.passwordHelp');
      f.submit.textContent = t('create.submit');
      message.refresh();
    },
  };
}
