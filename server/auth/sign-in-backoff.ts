import { HttpError } from '../http/errors.js';

/** Failed sign-ins a username may have before it must wait. */
export const FREE_FAILURES = 5;
/** The longest wait, seconds: long enough to make guessing slow, short enough not to lock a user out for long. */
export const MAX_WAIT_SECONDS = 300;
/** Names remembered at most; the oldest are forgotten first, so a flood of names cannot fill the memory. */
const MAX_NAMES = 10_000;

/**
 * A per-username backoff on failed sign-ins, beside the per-address limit (issue 16): a
 * guesser spread over many addresses still waits 1, 2, 4… up to 300 s per name after five
 * failures. Unknown names are counted the same way, so the answer says nothing of which
 * names exist. Kept in this process's memory: several instances each keep their own count.
 */
export class SignInBackoff {
  private readonly failures = new Map<string, { count: number; until: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Throws 429 with the seconds left while the name must wait. */
  check(username: string): void {
    const entry = this.failures.get(key(username));
    const left = entry ? Math.ceil((entry.until - this.now()) / 1000) : 0;
    if (left > 0) {
      throw new HttpError(429, `too many failed sign-ins for this username: try again in ${left} s`, undefined, { 'retry-after': String(left) });
    }
  }

  failed(username: string): void {
    const name = key(username);
    const count = (this.failures.get(name)?.count ?? 0) + 1;
    const wait = count < FREE_FAILURES ? 0 : Math.min(2 ** (count - FREE_FAILURES), MAX_WAIT_SECONDS);
    this.failures.delete(name);
    this.failures.set(name, { count, until: this.now() + wait * 1000 });
    if (this.failures.size > MAX_NAMES) this.failures.delete(this.failures.keys().next().value!);
  }

  succeeded(username: string): void {
    this.failures.delete(key(username));
  }
}

const key = (username: string) => username.trim().toLowerCase().slice(0, 100);
