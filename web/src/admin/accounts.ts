/** Accounts: the list with each one's role and state, role changes, disabling, and creating one. */
import { el, labelled } from '../shared/dom.js';
import { onLangChange } from '../shared/language.js';
import { ROLES, roleName, type Role } from '../shared/messages-session.js';
import { createAccount, fetchAccounts, updateAccount, type Account } from './admin-api.js';
import { button, errorText, formatWhen, messageLine, table, textCell, whenCell } from './format.js';
import { t } from './messages.js';
import { createTokens } from './tokens.js';

export interface AccountsView {
  load(): Promise<void>;
}

function roleSelect(id: string, selected: Role): HTMLSelectElement {
  const select = el('select', 'role-select');
  select.id = id;
  for (const role of ROLES) {
    const option = el('option', undefined, roleName(role));
    option.value = role;
    select.append(option);
  }
  select.value = selected;
  return select;
}

export function createAccounts(container: HTMLElement, options: { me: string | null }): AccountsView {
  const heading = el('h2');
  heading.id = 'accounts-heading';
  container.setAttribute('aria-labelledby', heading.id);
  const intro = el('p', 'admin-intro');
  const message = messageLine('accounts-message');
  const output = el('div', 'admin-table-wrap');

  // Creating an account.
  const createSection = el('section', 'admin-subsection account-create');
  const createHeading = el('h3');
  createHeading.id = 'create-heading';
  createSection.setAttribute('aria-labelledby', createHeading.id);
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
  const createMessage = messageLine('create-message');
  form.append(username.wrapper, displayName.wrapper, role.wrapper, password.wrapper, submit);
  createSection.append(createHeading, form, createMessage.element);

  const tokensSection = el('section', 'admin-subsection tokens');
  tokensSection.id = 'tokens';
  const tokens = createTokens(tokensSection, { onClose: (accountId) => focusRow(accountId, '.tokens-toggle') });

  container.append(heading, intro, message.element, output, tokensSection, createSection);

  let accounts: Account[] | null = null;

  function focusRow(accountId: number, selector: string): void {
    output.querySelector<HTMLElement>(`tr[data-account-id="${accountId}"] ${selector}`)?.focus();
  }

  function renderTable(): void {
    if (!accounts) return;
    const { table: tableEl, body } = table(
      t('accounts.caption'),
      [t('accounts.username'), t('accounts.displayName'), t('accounts.role'), t('accounts.created'), t('accounts.state'), t('accounts.password'), t('accounts.actions')],
      'accounts-table',
    );
    for (const account of accounts) {
      const row = el('tr', 'account-row');
      row.dataset.accountId = String(account.id);
      row.dataset.username = account.username;
      row.dataset.role = account.role;
      row.dataset.state = account.disabled_at ? 'disabled' : 'active';

      const nameCell = el('th', 'cell-username');
      nameCell.scope = 'row';
      nameCell.append(el('span', undefined, account.username));
      if (account.username === options.me) nameCell.append(' ', el('span', 'account-you', t('accounts.you')));

      const roleCell = el('td', 'cell-role');
      const select = roleSelect(`role-${account.id}`, account.role);
      select.setAttribute('aria-label', t('accounts.roleOf', { username: account.username }));
      const applyRole = button(t('accounts.applyRole'), 'admin-button apply-role', () => void change(account, { role: select.value as Role }, '.apply-role'));
      applyRole.setAttribute('aria-label', t('accounts.applyRoleOf', { username: account.username }));
      roleCell.append(select, ' ', applyRole);

      const state = account.disabled_at ? t('accounts.disabledSince', { date: formatWhen(account.disabled_at) }) : t('accounts.active');
      const stateCell = textCell(state, account.disabled_at ? 'cell-state is-disabled' : 'cell-state');

      const actions = el('td', 'cell-actions');
      const disabled = account.disabled_at !== null;
      const toggle = button(t(disabled ? 'accounts.enable' : 'accounts.disable'), 'admin-button toggle-disabled', () =>
        void change(account, { disabled: !disabled }, '.toggle-disabled'),
      );
      toggle.setAttribute('aria-label', t(disabled ? 'accounts.enableOf' : 'accounts.disableOf', { username: account.username }));
      const showTokens = button(t('accounts.tokens'), 'admin-button tokens-toggle', () => {
        message.clear();
        if (tokens.accountId === account.id) tokens.hide();
        else void tokens.show(account);
        renderTable();
        focusRow(account.id, '.tokens-toggle');
      });
      showTokens.setAttribute('aria-label', t('accounts.tokensOf', { username: account.username }));
      showTokens.setAttribute('aria-controls', tokensSection.id);
      showTokens.setAttribute('aria-expanded', String(tokens.accountId === account.id));
      actions.append(toggle, ' ', showTokens);

      row.append(
        nameCell,
        textCell(account.display_name ?? t('common.none'), 'cell-display-name'),
        roleCell,
        whenCell(account.created_at),
        stateCell,
        textCell(t(account.has_password ? 'accounts.hasPassword' : 'accounts.noPassword'), 'cell-password'),
        actions,
      );
      body.append(row);
    }
    output.replaceChildren(tableEl);
  }

  async function change(account: Account, body: { role?: Role; disabled?: boolean }, focusSelector: string): Promise<void> {
    message.clear();
    try {
      const updated = await updateAccount(account.id, body);
      if (body.role !== undefined) message.show(() => t('accounts.roleChanged', { username: updated.username, role: roleName(updated.role) }), 'ok');
      else message.show(() => t(updated.disabled_at ? 'accounts.disabled' : 'accounts.enabled', { username: updated.username }), 'ok');
      await load();
      if (tokens.accountId === updated.id) await tokens.show(updated);
      focusRow(account.id, focusSelector);
    } catch (error) {
      message.show(() => t('common.error', { message: errorText(error) }), 'error');
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void create();
  });

  async function create(): Promise<void> {
    const name = username.control.value.trim();
    if (!name) {
      createMessage.show(() => t('create.missing'), 'error');
      username.control.focus();
      return;
    }
    submit.disabled = true;
    try {
      const body = {
        username: name,
        role: role.control.value as Role,
        ...(displayName.control.value.trim() ? { display_name: displayName.control.value.trim() } : {}),
        ...(password.control.value ? { password: password.control.value } : {}),
      };
      const created = await createAccount(body);
      createMessage.show(() => t('create.done', { username: created.username, role: roleName(created.role) }), 'ok');
      form.reset();
      role.control.value = 'viewer';
      await load();
    } catch (error) {
      createMessage.show(() => t('common.error', { message: errorText(error) }), 'error');
    } finally {
      submit.disabled = false;
    }
  }

  function translate(): void {
    heading.textContent = t('accounts.heading');
    intro.textContent = t('accounts.intro');
    createHeading.textContent = t('create.heading');
    username.label.textContent = t('create.username');
    usernameHelp.textContent = t('create.usernameHelp');
    displayName.label.textContent = t('create.displayName');
    role.label.textContent = t('create.role');
    const chosen = role.control.value;
    for (const option of role.control.options) option.textContent = roleName(option.value);
    role.control.value = chosen;
    password.label.textContent = t('create.password');
    passwordHelp.textContent = t('create.passwordHelp');
    submit.textContent = t('create.submit');
    message.refresh();
    createMessage.refresh();
    renderTable();
  }

  async function load(): Promise<void> {
    try {
      accounts = await fetchAccounts();
      renderTable();
    } catch (error) {
      message.show(() => t('common.error', { message: errorText(error) }), 'error');
    }
  }

  translate();
  onLangChange(translate);
  return { load };
}
