import type { Queryable } from '../db/database.js';
import { HttpError } from '../http/errors.js';

/** Failed sign-ins a username may have before it must wait. */
export const FREE_FAILURES = 5;
/** The longest wait, seconds: long enough to make guessing slow, short enough not to lock a user out for long. */
export const MAX_WAIT_SECONDS = 300;
/** A name's count is forgotten a day after its last failure, so the table does not grow with every name ever tried. */
const FORGET_AFTER_HOURS = 24;

/** Seconds a name waits after its `failures`-th failure: 0 for the first four, then 1, 2, 4… up to the ceiling. */
export function waitAfterFailures(failures: number): number {
  return failures < FREE_FAILURES ? 0 : Math.min(2 ** (failures - FREE_FAILURES), MAX_WAIT_SECONDS);
}

/**
 * A per-username backoff on failed sign-ins, beside the per-address limit (issue 16): a
 * guesser spread over many addresses still waits 1, 2, 4… up to 300 s per name after five
 * failures. Unknown names are counted the same way, so the answer says nothing of which
 * names exist. Kept in the database (issue 18), so several app instances share one count.
 */
export class SignInBackoff {
  constructor(private readonly db: Queryable) {}

  /** Throws 429 with the seconds left while the name must wait. */
  async check(username: string): Promise<void> {
    const [row] = await this.db.query<{ left: number }>(
      `SELECT ceil(extract(epoch FROM wait_until - now()))::int AS left FROM sign_in_failures WHERE name_key = $1 AND wait_until > now()`,
      [key(username)],
    );
    if (row && row.left > 0) {
      throw new HttpError(429, `too many failed sign-ins for this username: try again in ${row.left} s`, undefined, { 'retry-after': String(row.left) });
    }
  }

  async failed(username: string): Promise<void> {
    // One statement: two instances failing the same name at once both count.
    const [row] = await this.db.query<{ failures: number }>(
      `INSERT INTO sign_in_failures AS f (name_key, failures, wait_until) VALUES ($1, 1, now())
       ON CONFLICT (name_key) DO UPDATE SET failures = f.failures + 1, last_failed_at = now()
       RETURNING failures`,
      [key(username)],
    );
    const wait = waitAfterFailures(row!.failures);
    if (wait > 0) {
      await this.db.query(`UPDATE sign_in_failures SET wait_until = now() + make_interval(secs => $2::int) WHERE name_key = $1`, [key(username), wait]);
    }
    await this.db.query(`DELETE FROM sign_in_failures WHERE last_failed_at < now() - make_interval(hours => $1::int)`, [FORGET_AFTER_HOURS]);
  }

  async succeeded(username: string): Promise<void> {
    await this.db.query(`DELETE FROM sign_in_failures WHERE name_key = $1`, [key(username)]);
  }
}

const key = (username: string) => username.trim().toLowerCase().slice(0, 100);
