import type { Queryable } from '../db/database.js';
import { badRequest, conflict, notFound } from '../http/errors.js';
import { hashPassword, passwordProblem } from './passwords.js';
import { ROLES, type Role } from './roles.js';

/** An account as the API shows it: never its password hash. */
export interface Account {
  id: number;
  username: string;
  display_name: string | null;
  role: Role;
  created_at: string;
  disabled_at: string | null;
  has_password: boolean;
}

const ACCOUNT_COLUMNS = `id, username, display_name, role, created_at::text, disabled_at::text, password_hash IS NOT NULL AS has_password`;

export interface NewAccount {
  username: string;
  role: Role;
  display_name?: string | null;
  /** Absent: an account for scripts, reached by API tokens only. */
  password?: string;
}

export function normaliseUsername(username: string): string {
  return username.trim().toLowerCase();
}

function checkRole(role: string): asserts role is Role {
  if (!(ROLES as readonly string[]).includes(role)) throw badRequest(`role must be one of: ${ROLES.join(', ')}`);
}

export async function createAccount(db: Queryable, account: NewAccount): Promise<Account> {
  checkRole(account.role);
  const username = normaliseUsername(account.username);
  if (!/^[a-z0-9][a-z0-9._-]{1,62}$/.test(username)) {
    throw badRequest('username must be 2–63 characters: letters a–z, digits, dot, dash or underscore, starting with a letter or digit');
  }
  if (account.password !== undefined) {
    const problem = passwordProblem(account.password);
    if (problem) throw badRequest(problem);
  }
  const hash = account.password === undefined ? null : await hashPassword(account.password);
  const [existing] = await db.query(`SELECT 1 FROM accounts WHERE username = $1`, [username]);
  if (existing) throw conflict(`an account named '${username}' already exists`);
  const [row] = await db.query<Account>(
    `INSERT INTO accounts (username, display_name, role, password_hash) VALUES ($1, $2, $3, $4) RETURNING ${ACCOUNT_COLUMNS}`,
    [username, account.display_name ?? null, account.role, hash],
  );
  return row!;
}

export async function listAccounts(db: Queryable): Promise<Account[]> {
  return db.query<Account>(`SELECT ${ACCOUNT_COLUMNS} FROM accounts ORDER BY username`);
}

export async function getAccount(db: Queryable, id: number): Promise<Account> {
  const [row] = await db.query<Account>(`SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE id = $1::bigint`, [id]);
  if (!row) throw notFound(`no account with id ${id}`);
  return row;
}

export async function findAccountByName(db: Queryable, username: string): Promise<Account | undefined> {
  const [row] = await db.query<Account>(`SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE username = $1`, [normaliseUsername(username)]);
  return row;
}

/** The stored hash, for the login check only: it never leaves this module's callers. */
export async function passwordHashOf(
  db: Queryable,
  username: string,
): Promise<{ id: number; username: string; role: Role; hash: string | null; disabled: boolean } | undefined> {
  const [row] = await db.query<{ id: number; username: string; role: Role; hash: string | null; disabled: boolean }>(
    `SELECT id, username, role, password_hash AS hash, disabled_at IS NOT NULL AS disabled FROM accounts WHERE username = $1`,
    [normaliseUsername(username)],
  );
  return row;
}

export interface AccountChange {
  role?: Role;
  display_name?: string | null;
  password?: string;
  /** true disables the account (its sessions end, its tokens stop working); false enables it again. */
  disabled?: boolean;
}

export async function updateAccount(db: Queryable, id: number, change: AccountChange): Promise<Account> {
  await getAccount(db, id);
  if (change.role !== undefined) checkRole(change.role);
  if (change.password !== undefined) {
    const problem = passwordProblem(change.password);
    if (problem) throw badRequest(problem);
  }
  const hash = change.password === undefined ? null : await hashPassword(change.password);
  const [row] = await db.query<Account>(
    `UPDATE accounts SET
       role = COALESCE($2, role),
       display_name = CASE WHEN $3::boolean THEN $4 ELSE display_name END,
       password_hash = COALESCE($5, password_hash),
       disabled_at = CASE WHEN $6::boolean IS NULL THEN disabled_at WHEN $6::boolean THEN COALESCE(disabled_at, now()) ELSE NULL END
     WHERE id = $1::bigint RETURNING ${ACCOUNT_COLUMNS}`,
    [id, change.role ?? null, change.display_name !== undefined, change.display_name ?? null, hash, change.disabled ?? null],
  );
  // A new password, a new role or a disabled account ends the sessions that were opened before.
  if (change.password !== undefined || change.role !== undefined || change.disabled) {
    await db.query(`DELETE FROM sessions WHERE account_id = $1::bigint`, [id]);
  }
  // Disabling revokes the tokens too: enabling the account again must not revive a forgotten one.
  if (change.disabled) {
    await db.query(`UPDATE api_tokens SET revoked_at = COALESCE(revoked_at, now()) WHERE account_id = $1::bigint`, [id]);
  }
  return row!;
}

/** How many accounts there are, enabled or not: the demo mode refuses a database that has any. */
export async function countAccounts(db: Queryable): Promise<number> {
  const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM accounts`);
  return row?.n ?? 0;
}

/** How many enabled admins there are: none means nobody can manage accounts through the API. */
export async function countEnabledAdmins(db: Queryable): Promise<number> {
  const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM accounts WHERE role = 'admin' AND disabled_at IS NULL`);
  return row?.n ?? 0;
}

/** Whether the account is an admin and no other enabled admin exists (false for no such account). */
export async function isLastEnabledAdmin(db: Queryable, id: number): Promise<boolean> {
  const [row] = await db.query<{ others: number; is_admin: boolean | null }>(
    `SELECT (SELECT count(*)::int FROM accounts WHERE role = 'admin' AND disabled_at IS NULL AND id <> $1::bigint) AS others,
            (SELECT role = 'admin' FROM accounts WHERE id = $1::bigint) AS is_admin`,
    [id],
  );
  return Boolean(row?.is_admin) && row!.others === 0;
}
