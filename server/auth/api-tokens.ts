import type { Queryable } from '../db/database.js';
import { badRequest, notFound } from '../http/errors.js';
import type { Role } from './roles.js';
import { randomSecret, secretHash } from './secrets.js';

/** Tokens say what they are, so that a secret scanner (and a person) recognises one pasted by mistake. */
export const TOKEN_PREFIX = 'rmk_';

export interface ApiToken {
  id: number;
  account_id: number;
  name: string;
  prefix: string;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
}

const TOKEN_COLUMNS = `id, account_id, name, prefix, created_at::text, expires_at::text, revoked_at::text, last_used_at::text`;

/** The secret is returned once, here; the database keeps only its hash. */
export async function issueToken(db: Queryable, accountId: number, name: string, expiresInDays?: number): Promise<{ token: string; record: ApiToken }> {
  if (!name.trim()) throw badRequest('a token needs a name that says what it is for');
  if (expiresInDays !== undefined && !(Number.isInteger(expiresInDays) && expiresInDays >= 1 && expiresInDays <= 3650)) {
    throw badRequest('expires_in_days must be a whole number of days from 1 to 3650');
  }
  const [account] = await db.query(`SELECT 1 FROM accounts WHERE id = $1::bigint AND disabled_at IS NULL`, [accountId]);
  if (!account) throw notFound(`no enabled account with id ${accountId}`);
  const token = `${TOKEN_PREFIX}${randomSecret()}`;
  const [record] = await db.query<ApiToken>(
    `INSERT INTO api_tokens (account_id, name, token_hash, prefix, expires_at)
     VALUES ($1::bigint, $2, $3, $4, CASE WHEN $5::int IS NULL THEN NULL ELSE now() + make_interval(days => $5::int) END)
     RETURNING ${TOKEN_COLUMNS}`,
    [accountId, name.trim(), secretHash(token), token.slice(0, TOKEN_PREFIX.length + 6), expiresInDays ?? null],
  );
  return { token, record: record! };
}

export async function listTokens(db: Queryable, accountId?: number): Promise<ApiToken[]> {
  return db.query<ApiToken>(`SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE $1::bigint IS NULL OR account_id = $1::bigint ORDER BY id`, [accountId ?? null]);
}

export async function getToken(db: Queryable, id: number): Promise<ApiToken> {
  const [row] = await db.query<ApiToken>(`SELECT ${TOKEN_COLUMNS} FROM api_tokens WHERE id = $1::bigint`, [id]);
  if (!row) throw notFound(`no API token with id ${id}`);
  return row;
}

export async function revokeToken(db: Queryable, id: number): Promise<ApiToken> {
  const [row] = await db.query<ApiToken>(`UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, now()) WHERE id = $1::bigint RETURNING ${TOKEN_COLUMNS}`, [
    id,
  ]);
  if (!row) throw notFound(`no API token with id ${id}`);
  return row;
}

export interface TokenHolder {
  accountId: number;
  username: string;
  role: Role;
  tokenId: number;
}

/** The account behind a presented token, when the token is known, unrevoked, unexpired and its account enabled. */
export async function accountForToken(db: Queryable, token: string): Promise<TokenHolder | undefined> {
  const [row] = await db.query<TokenHolder & { stale: boolean }>(
    `SELECT a.id AS "accountId", a.username, a.role, t.id AS "tokenId",
            (t.last_used_at IS NULL OR t.last_used_at < now() - interval '1 minute') AS stale
     FROM api_tokens t JOIN accounts a ON a.id = t.account_id
     WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > now()) AND a.disabled_at IS NULL`,
    [secretHash(token)],
  );
  if (!row) return undefined;
  // At most one write a minute per token: a busy script must not turn every read into a write.
  if (row.stale) await db.query(`UPDATE api_tokens SET last_used_at = now() WHERE id = $1::bigint`, [row.tokenId]);
  return { accountId: row.accountId, username: row.username, role: row.role, tokenId: row.tokenId };
}
