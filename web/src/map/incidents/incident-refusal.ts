/**
 * The server's refusal of an incident, in the form: in words, with the server's own words
 * beside them when they differ, and the fields it concerns marked, the first one focused.
 */
import { ApiError } from '../../shared/api.js';
import { el } from '../../shared/dom.js';
import { fieldLabel } from '../../shared/field-labels.js';
import { readRefusal } from '../../shared/server-message.js';
import { localize, t } from '../messages.js';
import type { IncidentForm } from './incident-form.js';

/** The form's name for where the server found fault: a property's label, or longitude / latitude. */
function label(field: string, rest: string): string | undefined {
  if (field === 'geometry')
    return rest === '/coordinates/0' ? t('incidentEditor.lon') : rest === '/coordinates/1' ? t('incidentEditor.lat') : t('incidentEditor.where');
  const known = fieldLabel(field);
  return known ? localize(known) : undefined;
}

export function showRefusal(form: IncidentForm, error: unknown): void {
  if (!(error instanceof ApiError)) {
    form.setError(t('editor.apiError', { message: error instanceof Error ? error.message : String(error) }));
    return;
  }
  const refusal = readRefusal(error, label);
  form.setError(t('editor.apiError', { message: refusal.text }));
  // The server's own words too, for whoever is asked for help.
  if (refusal.text !== error.detail) form.error.append(el('span', 'editor-error-detail', t('incidentEditor.serverSaid', { message: error.detail })));
  const marked = refusal.fields.map((field) => (field === 'geometry' ? form.controls.lon : form.markInvalid(field))).filter((c) => c !== undefined);
  marked[0]?.focus();
}
