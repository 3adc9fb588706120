/**
 * What the claim editor sends, read from its form and the drawn ring: the overlap check (the
 * start date only when one is typed whole) and the claim to save (or what is still missing).
 */
import { ApiError } from '../../shared/api.js';
import { isIsoDate } from '../../shared/iso-dates.js';
import { t, type MessageKey } from '../messages.js';
import type { ClaimDraft, NewClaim } from './claim-api.js';
import type { ClaimForm } from './claim-form.js';
import type { DrawnRing } from './drawn-ring.js';

export const chosenCooperative = (form: ClaimForm) => (form.cooperative.value ? Number(form.cooperative.value) : undefined);

export function overlapCheck(form: ClaimForm, ring: DrawnRing): ClaimDraft {
  const validFrom = isIsoDate(form.validFrom.value) ? form.validFrom.value : undefined;
  return { geometry: ring.polygon(), cooperative_id: chosenCooperative(form), valid_from: validFrom };
}

/** The claim to save, or the message key of what is missing. */
export function claimToSave(form: ClaimForm, ring: DrawnRing): { ok: true; claim: NewClaim } | { ok: false; key: MessageKey } {
  if (!ring.isPolygon) return { ok: false, key: 'editor.needPolygon' };
  const cooperative = chosenCooperative(form);
  if (cooperative === undefined || !form.basis.value || !isIsoDate(form.validFrom.value)) return { ok: false, key: 'editor.needFields' };
  const name = form.name.value.trim();
  const claim = { geometry: ring.polygon(), cooperative_id: cooperative, basis: form.basis.value, valid_from: form.validFrom.value };
  return { ok: true, claim: { ...claim, ...(name ? { name } : {}) } };
}

/** A refusal of the server in its own words, or what went wrong on the way. */
export function apiMessage(error: unknown): string {
  return t('editor.apiError', { message: error instanceof ApiError ? error.detail : error instanceof Error ? error.message : String(error) });
}
