/**
 * One account's API tokens: the list, issuing one (its secret shown once, here, with a way
 * to copy it) and revoking one (a second press confirms). The table is token-table.ts, the
 * issuing form token-form.ts, the secret token-secret.ts; here they are tied to the server.
 */
import { el } from '../shared/dom.js';
import { onLangChange } from '../shared/language.js';
import { fetchTokens, issueToken, revokeToken, type Account, type ApiToken } from './admin-api.js';
import { button, errorText, messageLine } from './format.js';
import { t } from './messages.js';
import { createTokenForm } from './token-form.js';
import { createTokenSecret } from './token-secret.js';
import { tokenTable } from './token-table.js';

export interface TokensView {
  readonly accountId: number | null;
  show(account: Account): Promise<void>;
  hide(): void;
}

export function createTokens(container: HTMLElement, options: { onClose(accountId: number): void }): TokensView {
  container.hidden = true;
  const heading = el('h3');
  heading.id = 'tokens-heading';
  container.setAttribute('aria-labelledby', heading.id);
  const close = button('', 'admin-button tokens-close', () => {
    const id = account?.id;
    hide();
    if (id !== undefined) options.onClose(id);
  });
  const top = el('div', 'tokens-top');
  top.append(heading, close);
  const intro = el('p', 'admin-intro');
  const message = messageLine('tokens-message');
  const issueForm = createTokenForm();
  const secret = createTokenSecret({ onDismiss: () => issueForm.nameInput.focus() });
  const output = el('div', 'admin-table-wrap');
  container.append(top, intro, message.element, secret.element, output, issueForm.heading, issueForm.form);

  let account: Account | null = null;
  let tokens: ApiToken[] | null = null;
  /** The token whose revocation waits for a second press. */
  let confirming: number | null = null;

  const showError = (error: unknown) => message.show(() => t('common.error', { message: errorText(error) }), 'error');

  function renderTable(): void {
    if (!account || !tokens) output.replaceChildren();
    else output.replaceChildren(tokenTable(account, tokens, confirming, (token) => void onRevoke(token)));
  }

  const focusRevoke = (id: number) => output.querySelector<HTMLElement>(`tr[data-token-id="${id}"] .token-revoke`)?.focus();

  async function onRevoke(token: ApiToken): Promise<void> {
    if (confirming !== token.id) {
      confirming = token.id;
      renderTable();
      focusRevoke(token.id);
      return;
    }
    confirming = null;
    try {
      const revoked = await revokeToken(token.id);
      message.show(() => t('tokens.revokedDone', { name: revoked.name }), 'ok');
      await reload();
      output.querySelector<HTMLElement>(`tr[data-token-id="${token.id}"] .cell-name`)?.setAttribute('tabindex', '-1');
      output.querySelector<HTMLElement>(`tr[data-token-id="${token.id}"] .cell-name`)?.focus();
    } catch (error) {
      showError(error);
      renderTable();
    }
  }

  issueForm.form.addEventListener('submit', (event) => {
    event.preventDefault();
    void issue();
  });

  async function issue(): Promise<void> {
    if (!account) return;
    const reading = issueForm.read();
    if (!reading.ok) {
      message.show(() => t(reading.key), 'error');
      reading.field.focus();
      return;
    }
    issueForm.submit.disabled = true;
    try {
      const issued = await issueToken(account.id, reading.request);
      message.clear();
      issueForm.form.reset();
      secret.show({ name: issued.name, token: issued.token });
      await reload();
      secret.focus();
    } catch (error) {
      showError(error);
    } finally {
      issueForm.submit.disabled = false;
    }
  }

  async function reload(): Promise<void> {
    if (!account) return;
    const id = account.id;
    try {
      const list = await fetchTokens(id);
      if (account?.id !== id) return;
      tokens = list;
      renderTable();
    } catch (error) {
      showError(error);
    }
  }

  function translate(): void {
    heading.textContent = account ? t('tokens.heading', { username: account.username }) : '';
    close.textContent = t('tokens.close');
    intro.textContent = t('tokens.intro');
    issueForm.translate();
    message.refresh();
    secret.render();
    renderTable();
  }

  /** Forgets what was shown of the last account: its list, a secret, a revocation half confirmed, a message. */
  function forget(): void {
    tokens = null;
    secret.forget();
    confirming = null;
    message.clear();
  }

  function hide(): void {
    account = null;
    forget();
    container.hidden = true;
    translate();
  }

  translate();
  onLangChange(translate);
  return {
    get accountId() {
      return account?.id ?? null;
    },
    async show(next) {
      const switching = account?.id !== next.id;
      account = next;
      if (switching) forget();
      container.hidden = false;
      container.dataset.accountId = String(next.id);
      translate();
      await reload();
    },
    hide,
  };
}
