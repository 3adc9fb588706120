/**
 * The server's overlap check of the drawn claim: one request at a time, its answer kept until
 * the draft changes (then it is dropped, not kept beside a new preview).
 */
import { checkClaimOverlaps, type ClaimDraft } from './claim-api.js';
import type { ServerState } from './overlap-table.js';

export function createOverlapCheck(options: { onChange(): void; onError(error: unknown): void }) {
  let state: ServerState = { kind: 'none' };
  let running: AbortController | null = null;
  return {
    get state(): ServerState {
      return state;
    },
    /** Forgets the answer, and the request still running. */
    drop(): void {
      running?.abort();
      state = { kind: 'none' };
    },
    async run(draft: ClaimDraft): Promise<void> {
      running?.abort();
      const controller = new AbortController();
      running = controller;
      state = { kind: 'pending' };
      options.onChange();
      try {
        state = { kind: 'ready', report: await checkClaimOverlaps(draft, controller.signal) };
      } catch (error) {
        if (controller.signal.aborted) return;
        state = { kind: 'none' };
        options.onError(error);
      }
      options.onChange();
    },
  };
}
