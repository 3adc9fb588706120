import { describe, expect, it } from 'vitest';
import { Gate, GateClosed } from '../../server/analysis/analysis-gate.js';

/** The slots and queue the analyses wait in (issue 12, bounded cost per request). */
describe('the analyses gate', () => {
  it('lets `concurrency` in, queues `queue` more, and refuses the next as full', async () => {
    const gate = new Gate(2, 1);
    await gate.acquire();
    await gate.acquire();
    void gate.acquire();
    await expect(gate.acquire()).rejects.toEqual(new GateClosed('full'));
    expect([gate.active, gate.waiting]).toEqual([2, 1]);
  });

  it('hands a released slot to the first waiter, in order, before any newcomer', async () => {
    const gate = new Gate(1, 2);
    const first = await gate.acquire();
    const order: string[] = [];
    const second = gate.acquire().then((release) => (order.push('second'), release));
    const third = gate.acquire().then((release) => (order.push('third'), release));
    first();
    // The slot went to the second waiter: a newcomer finds one waiter ahead of it and queues.
    const newcomer = gate.acquire().then((release) => (order.push('newcomer'), release));
    (await second)();
    (await third)();
    (await newcomer)();
    expect(order).toEqual(['second', 'third', 'newcomer']);
    expect([gate.active, gate.waiting]).toEqual([0, 0]);
  });

  it('drops a waiter whose client went away, so it holds neither a slot nor a place in the queue', async () => {
    const gate = new Gate(1, 1);
    const running = await gate.acquire();
    const gone = new AbortController();
    const abandoned = gate.acquire(gone.signal);
    gone.abort();
    await expect(abandoned).rejects.toEqual(new GateClosed('aborted'));
    expect(gate.waiting).toBe(0);
    const next = gate.acquire();
    running();
    (await next)();
    expect([gate.active, gate.waiting]).toEqual([0, 0]);
  });

  it('refuses a request whose client is gone already', async () => {
    const gate = new Gate(1, 1);
    await expect(gate.acquire(AbortSignal.abort())).rejects.toEqual(new GateClosed('aborted'));
    expect(gate.active).toBe(0);
  });

  it('frees a slot once however often its release is called (an error after a success)', async () => {
    const gate = new Gate(1, 0);
    const release = await gate.acquire();
    release();
    release();
    expect(gate.active).toBe(0);
    const again = await gate.acquire();
    // A second release of the old slot must not free the new holder's.
    release();
    expect(gate.active).toBe(1);
    again();
  });
});
