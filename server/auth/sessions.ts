import type { Queryable } from '../db/database.js';
import type { Role } from './roles.js';
import { randomSecret, secretHash } from './secrets.js';

/** A working day: a laptop left open overnight in a field office does not stay signed in. */
export const SESSION_HOURS = 12;

export interface OpenedSession {
  /** Goes to the browser in an HttpOnly cookie; the database keeps its hash. */
  id: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function openSession(db: Queryable, accountId: number): Promise<OpenedSession> {
  const id = randomSecret();
  const csrfToken = randomSecret();
  const [row] = await db.query<{ expires_at: string }>(
    `INSERT INTO sessions (token_hash, account_id, csrf_token, expires_at) VALUES ($1, $2::bigint, $3, now() + make_interval(hours => $4::int)) RETURNING expires_at::text`,
    [secretHash(id), accountId, csrfToken, SESSION_HOURS],
  );
  // Expired sessions are of no use to anyone; clearing them here keeps the table small without a scheduler.
  await db.query(`DELETE FROM sessions WHERE expires_at < now()`);
  return { id, csrfToken, expiresAt: new Date(row!.expires_at) };
}

export interface SessionHolder {
  accountId: number;
  username: string;
  role: Role;
  csrfToken: string;
}

export async function accountForSession(db: Queryable, sessionId: string): Promise<SessionHolder | undefined> {
  const [row] = await db.query<SessionHolder>(
    `SELECT a.id AS "accountId", a.username, a.role, s.csrf_token AS "csrfToken"
     FROM sessions s JOIN accounts a ON a.id = s.account_id
     WHERE s.token_hash = $1 AND s.expires_at > now() AND a.disabled_at IS NULL`,
    [secretHash(sessionId)],
  );
  return row;
}

export async function closeSession(db: Queryable, sessionId: string): Promise<void> {
  await db.query(`DELETE FROM sessions WHERE token_hash = $1`, [secretHash(sessionId)]);
}
