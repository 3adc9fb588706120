/** Why a request did not get a slot: the queue was full, or its client went away while it waited. */
export type GateRefusal = 'full' | 'aborted';

export class GateClosed extends Error {
  constructor(readonly reason: GateRefusal) {
    super(reason === 'full' ? 'every analysis slot is taken and the queue is full' : 'the client went away while its analysis waited');
    this.name = 'GateClosed';
  }
}

interface Waiter {
  grant: (release: () => void) => void;
}

/**
 * At most `concurrency` holders at once and at most `queue` waiting, first come first served.
 * A waiter whose signal aborts leaves the queue at once, so a client that gave up holds
 * neither a slot nor a place in the queue. Knows nothing of HTTP (analysis-limits.ts does).
 */
export class Gate {
  private running = 0;
  private readonly waiters: Waiter[] = [];

  constructor(
    readonly concurrency: number,
    readonly queue: number,
  ) {}

  /** Holders now, and waiters now: for the tests and the operators' words. */
  get active(): number {
    return this.running;
  }
  get waiting(): number {
    return this.waiters.length;
  }

  /** Resolves with the slot's release (call it once, on every outcome); rejects with GateClosed. */
  acquire(signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(new GateClosed('aborted'));
    if (this.running < this.concurrency) {
      this.running++;
      return Promise.resolve(this.releaser());
    }
    if (this.waiters.length >= this.queue) return Promise.reject(new GateClosed('full'));
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        const at = this.waiters.indexOf(waiter);
        if (at >= 0) this.waiters.splice(at, 1);
        reject(new GateClosed('aborted'));
      };
      const waiter: Waiter = {
        grant: (release) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(release);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(waiter);
    });
  }

  /** A release that works once: a second call (an error after a success) must not free a slot it does not hold. */
  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiters.shift();
      // The slot passes straight to the next waiter, so a newcomer cannot take it in between.
      if (next) next.grant(this.releaser());
      else this.running--;
    };
  }
}
