/**
 * An account's tokens as a table: name, first characters, dates, state, and a revoke button
 * that asks for a second press (the row being confirmed says so).
 */
import { el } from '../shared/dom.js';
import type { Account, ApiToken } from './admin-api.js';
import { button, formatWhen, table, textCell, whenCell } from './format.js';
import { t } from './messages.js';

export function tokenState(token: ApiToken): 'active' | 'revoked' | 'expired' {
  if (token.revoked_at) return 'revoked';
  if (token.expires_at && new Date(token.expires_at).getTime() <= Date.now()) return 'expired';
  return 'active';
}

function tokenRow(token: ApiToken, confirming: boolean, onRevoke: (token: ApiToken) => void): HTMLTableRowElement {
  const state = tokenState(token);
  const row = el('tr', 'token-row');
  row.dataset.tokenId = String(token.id);
  row.dataset.state = state;
  const nameCell = el('th', 'cell-name', token.name);
  nameCell.scope = 'row';
  const prefix = el('td', 'cell-prefix');
  prefix.append(el('code', undefined, `${token.prefix}…`));
  const stateText =
    state === 'revoked' ? t('tokens.revoked', { date: formatWhen(token.revoked_at) }) : t(state === 'expired' ? 'tokens.expired' : 'tokens.active');
  const actions = el('td', 'cell-actions');
  if (state !== 'revoked') {
    const revoke = button(t(confirming ? 'tokens.confirm' : 'tokens.revoke'), `admin-button token-revoke${confirming ? ' is-confirming' : ''}`, () =>
      onRevoke(token),
    );
    revoke.setAttribute('aria-label', t(confirming ? 'tokens.confirmOf' : 'tokens.revokeOf', { name: token.name }));
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
  return row;
}

/** The table of an account's tokens, or a line saying it has none; `confirming` is the token whose revocation waits for a second press. */
export function tokenTable(account: Account, tokens: ApiToken[], confirming: number | null, onRevoke: (token: ApiToken) => void): HTMLElement {
  if (tokens.length === 0) return el('p', 'tokens-none', t('tokens.none'));
  const { table: tableEl, body } = table(
    t('tokens.caption', { username: account.username }),
    [t('tokens.name'), t('tokens.prefix'), t('tokens.created'), t('tokens.expires'), t('tokens.lastUsed'), t('tokens.state'), t('accounts.actions')],
    'tokens-table',
  );
  for (const token of tokens) body.append(tokenRow(token, confirming === token.id, onRevoke));
  return tableEl;
}
