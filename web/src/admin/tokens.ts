/**
 * One account's API tokens: the list, issuing one (its secret shown once, here, with a way
 * to copy it) and revoking one (a second press confirms).
 */
import { el, labelled } from '../shared/dom.js';
import { onLangChange } from '../shared/language.js';
import { fetchTokens, issueToken, revokeToken, type Account, type ApiToken } from './admin-api.js';
import { button, errorText, formatWhen, messageLine, table, textCell, whenCell } from './format.js';
import { t } from './messages.js';

export interface TokensView {
  readonly accountId: number | null;
  show(account: Account): Promise<void>;
  hide(): void;
}

function tokenState(token: ApiToken): 'active' | 'revoked' | 'expired' {
  if (token.revoked_at) return 'revoked';
  if (token.expires_at && new Date(token.expires_at).getTime() <= Date.now()) return 'expired';
  return 'active';
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
  const secretBox = el('div', 'token-secret');
  secretBox.hidden = true;
  const output = el('div', 'admin-table-wrap');

  const issueHeading = el('h4');
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

  container.append(top, intro, message.element, secretBox, output, issueHeading, form);

  let account: Account | null = null;
  let tokens: ApiToken[] | null = null;
  /** The token whose revocation waits for a second press. */
  let confirming: number | null = null;
  let secret: { name: string; token: string } | null = null;
  let copyNote: 'tokens.copied' | 'tokens.copyManually' | null = null;

  function renderSecret(): void {
    secretBox.hidden = !secret;
    if (!secret) {
      secretBox.replaceChildren();
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
      renderSecret();
      name.control.focus();
    });
    secretBox.replaceChildren(title, row, hint, note, dismiss);
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
    const note = secretBox.querySelector('.token-copy-note');
    if (note) note.textContent = t(copyNote);
  }

  function renderTable(): void {
    if (!account || !tokens) {
      output.replaceChildren();
      return;
    }
    if (tokens.length === 0) {
      output.replaceChildren(el('p', 'tokens-none', t('tokens.none')));
      return;
    }
    const { table: tableEl, body } = table(
      t('tokens.caption', { username: account.username }),
      [t('tokens.name'), t('tokens.prefix'), t('tokens.created'), t('tokens.expires'), t('tokens.lastUsed'), t('tokens.state'), t('accounts.actions')],
      'tokens-table',
    );
    for (const token of tokens) {
      const state = tokenState(token);
      const row = el('tr', 'token-row');
      row.dataset.tokenId = String(token.id);
      row.dataset.state = state;
      const nameCell = el('th', 'cell-name', token.name);
      nameCell.scope = 'row';
      const prefix = el('td', 'cell-prefix');
      prefix.append(el('code', undefined, `${token.prefix}…`));
      const stateText = state === 'revoked' ? t('tokens.revoked', { date: formatWhen(token.revoked_at) }) : t(state === 'expired' ? 'tokens.expired' : 'tokens.active');
      const actions = el('td', 'cell-actions');
      if (state !== 'revoked') {
        const confirm = confirming === token.id;
        const revoke = button(t(confirm ? 'tokens.confirm' : 'tokens.revoke'), `admin-button token-revoke${confirm ? ' is-confirming' : ''}`, () => void onRevoke(token));
        revoke.setAttribute('aria-label', t(confirm ? 'tokens.confirmOf' : 'tokens.revokeOf', { name: token.name }));
        actions.append(revoke);
      }
      row.append(
        nameCell,
        prefix,
        whenCell(token.created_at),
        token.expires_at ? whenCell(token.expires_at) : textCell(t('tokens.never')),
        token.last_used_at ? whenCell(token.last_used_at) : textCell(t('tokens.notUsed')),
        textCell(stateText, `cell-state state-${state}`),
        actions,
      );
      body.append(row);
    }
    output.replaceChildren(tableEl);
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
      message.show(() => t('common.error', { message: errorText(error) }), 'error');
      renderTable();
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void issue();
  });

  async function issue(): Promise<void> {
    if (!account) return;
    const tokenName = name.control.value.trim();
    const daysText = days.control.value.trim();
    if (!tokenName) {
      message.show(() => t('tokens.missingName'), 'error');
      name.control.focus();
      return;
    }
    if (daysText && !(/^\d+$/.test(daysText) && Number(daysText) >= 1 && Number(daysText) <= 3650)) {
      message.show(() => t('tokens.badDays'), 'error');
      days.control.focus();
      return;
    }
    submit.disabled = true;
    try {
      const issued = await issueToken(account.id, { name: tokenName, ...(daysText ? { expires_in_days: Number(daysText) } : {}) });
      message.clear();
      secret = { name: issued.name, token: issued.token };
      copyNote = null;
      form.reset();
      renderSecret();
      await reload();
      secretBox.querySelector<HTMLInputElement>('#token-secret-value')?.focus();
    } catch (error) {
      message.show(() => t('common.error', { message: errorText(error) }), 'error');
    } finally {
      submit.disabled = false;
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
      message.show(() => t('common.error', { message: errorText(error) }), 'error');
    }
  }

  function translate(): void {
    heading.textContent = account ? t('tokens.heading', { username: account.username }) : '';
    close.textContent = t('tokens.close');
    intro.textContent = t('tokens.intro');
    issueHeading.textContent = t('tokens.issueHeading');
    name.label.textContent = t('tokens.newName');
    nameHelp.textContent = t('tokens.newNameHelp');
    days.label.textContent = t('tokens.days');
    daysHelp.textContent = t('tokens.daysHelp');
    submit.textContent = t('tokens.issue');
    message.refresh();
    renderSecret();
    renderTable();
  }

  function hide(): void {
    account = null;
    tokens = null;
    secret = null;
    confirming = null;
    message.clear();
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
      if (switching) {
        tokens = null;
        secret = null;
        confirming = null;
        message.clear();
      }
      container.hidden = false;
      container.dataset.accountId = String(next.id);
      translate();
      await reload();
    },
    hide,
  };
}
