/**
 * Accounts: the list with each one's role and state, role changes, disabling, and creating one.
 * The table is account-table.ts, creating account-create.ts, an account's tokens tokens.ts.
 */
import { el } from '../shared/dom.js';
import { onLangChange } from '../shared/language.js';
import { roleName, type Role } from '../shared/messages-session.js';
import { createAccountSection } from './account-create.js';
import { accountTable } from './account-table.js';
import { fetchAccounts, updateAccount, type Account } from './admin-api.js';
import { errorText, messageLine } from './format.js';
import { t } from './messages.js';
import { createTokens } from './tokens.js';

export interface AccountsView {
  load(): Promise<void>;
}

export function createAccounts(container: HTMLElement, options: { me: string | null }): AccountsView {
  const heading = el('h2');
  heading.id = 'accounts-heading';
  container.setAttribute('aria-labelledby', heading.id);
  const intro = el('p', 'admin-intro');
  const message = messageLine('accounts-message');
  const output = el('div', 'admin-table-wrap');
  const create = createAccountSection({ onCreated: () => load() });
  const tokensSection = el('section', 'admin-subsection tokens');
  tokensSection.id = 'tokens';
  const tokens = createTokens(tokensSection, { onClose: (accountId) => focusRow(accountId, '.tokens-toggle') });
  container.append(heading, intro, message.element, output, tokensSection, create.section);

  let accounts: Account[] | null = null;

  function focusRow(accountId: number, selector: string): void {
    output.querySelector<HTMLElement>(`tr[data-account-id="${accountId}"] ${selector}`)?.focus();
  }

  function renderTable(): void {
    if (!accounts) return;
    output.replaceChildren(
      accountTable(accounts, {
        me: options.me,
        tokensOf: tokens.accountId,
        tokensSection: tokensSection.id,
        change: (account, body, focusSelector) => void change(account, body, focusSelector),
        toggleTokens,
      }),
    );
  }

  function toggleTokens(account: Account): void {
    message.clear();
    if (tokens.accountId === account.id) tokens.hide();
    else void tokens.show(account);
    renderTable();
    focusRow(account.id, '.tokens-toggle');
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

  function translate(): void {
    heading.textContent = t('accounts.heading');
    intro.textContent = t('accounts.intro');
    create.translate();
    message.refresh();
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
