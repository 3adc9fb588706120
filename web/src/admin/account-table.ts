/**
 * The accounts as a table: username (and "you"), display name, role with a button to apply a
 * new one, creation, state, whether a password is set, and the buttons to disable or enable
 * the account and to show its tokens.
 */
import { el } from '../shared/dom.js';
import type { Role } from '../shared/messages-session.js';
import type { Account } from './admin-api.js';
import { button, formatWhen, table, textCell, whenCell } from './format.js';
import { t } from './messages.js';
import { roleSelect } from './role-select.js';

export interface AccountRowActions {
  /** The signed-in user's name, marked "you" in the list. */
  me: string | null;
  /** The account whose tokens are shown, if any. */
  tokensOf: number | null;
  /** The id of the section the tokens buttons open. */
  tokensSection: string;
  change(account: Account, body: { role?: Role; disabled?: boolean }, focusSelector: string): void;
  toggleTokens(account: Account): void;
}

function roleCell(account: Account, actions: AccountRowActions): HTMLTableCellElement {
  const cell = el('td', 'cell-role');
  const select = roleSelect(`role-${account.id}`, account.role);
  select.setAttribute('aria-label', t('accounts.roleOf', { username: account.username }));
  const apply = button(t('accounts.applyRole'), 'admin-button apply-role', () => actions.change(account, { role: select.value as Role }, '.apply-role'));
  apply.setAttribute('aria-label', t('accounts.applyRoleOf', { username: account.username }));
  cell.append(select, ' ', apply);
  return cell;
}

function actionCell(account: Account, actions: AccountRowActions): HTMLTableCellElement {
  const cell = el('td', 'cell-actions');
  const disabled = account.disabled_at !== null;
  const toggle = button(t(disabled ? 'accounts.enable' : 'accounts.disable'), 'admin-button toggle-disabled', () =>
    actions.change(account, { disabled: !disabled }, '.toggle-disabled'),
  );
  toggle.setAttribute('aria-label', t(disabled ? 'accounts.enableOf' : 'accounts.disableOf', { username: account.username }));
  const showTokens = button(t('accounts.tokens'), 'admin-button tokens-toggle', () => actions.toggleTokens(account));
  showTokens.setAttribute('aria-label', t('accounts.tokensOf', { username: account.username }));
  showTokens.setAttribute('aria-controls', actions.tokensSection);
  showTokens.setAttribute('aria-expanded', String(actions.tokensOf === account.id));
  cell.append(toggle, ' ', showTokens);
  return cell;
}

function accountRow(account: Account, actions: AccountRowActions): HTMLTableRowElement {
  const row = el('tr', 'account-row');
  row.dataset.accountId = String(account.id);
  row.dataset.username = account.username;
  row.dataset.role = account.role;
  row.dataset.state = account.disabled_at ? 'disabled' : 'active';

  const nameCell = el('th', 'cell-username');
  nameCell.scope = 'row';
  nameCell.append(el('span', undefined, account.username));
  if (account.username === actions.me) nameCell.append(' ', el('span', 'account-you', t('accounts.you')));

  const state = account.disabled_at ? t('accounts.disabledSince', { date: formatWhen(account.disabled_at) }) : t('accounts.active');
  row.append(
    nameCell,
    textCell(account.display_name ?? t('common.none'), 'cell-display-name'),
    roleCell(account, actions),
    whenCell(account.created_at),
    textCell(state, account.disabled_at ? 'cell-state is-disabled' : 'cell-state'),
    textCell(t(account.has_password ? 'accounts.hasPassword' : 'accounts.noPassword'), 'cell-password'),
    actionCell(account, actions),
  );
  return row;
}

export function accountTable(accounts: Account[], actions: AccountRowActions): HTMLTableElement {
  const { table: tableEl, body } = table(
    t('accounts.caption'),
    [
      t('accounts.username'),
      t('accounts.displayName'),
      t('accounts.role'),
      t('accounts.created'),
      t('accounts.state'),
      t('accounts.password'),
      t('accounts.actions'),
    ],
    'accounts-table',
  );
  for (const account of accounts) body.append(accountRow(account, actions));
  return tableEl;
}
