/**
 * Reading the incident form into the properties the server takes (or the first thing to fix),
 * and filling it: empty for a new incident, or with a record's values for changing it.
 */
import type { LayerFeature } from '../../shared/api.js';
import { t, type MessageKey } from '../messages.js';
import type { IncidentProperties } from './incident-api.js';
import { COUNT_FIELDS, type CountField, type IncidentFields } from './incident-fields.js';
import { label } from './incident-form-controls.js';
import type { SourceList, SourceValue } from './incident-sources.js';

/** What a reading of the form gives: the properties to send, or what to fix first. */
export type FormReading = { ok: true; properties: IncidentProperties } | { ok: false; message: string; field: HTMLElement };

const text = (value: string) => (value.trim() === '' ? null : value.trim());

export function clearInvalid(fields: IncidentFields): void {
  for (const control of fields.form.querySelectorAll('[aria-invalid="true"]')) control.removeAttribute('aria-invalid');
}

/** The typed position, when both numbers are there. */
export function typedPosition(fields: IncidentFields): [number, number] | null {
  const [x, y] = [fields.lon.control.valueAsNumber, fields.lat.control.valueAsNumber];
  return Number.isFinite(x) && Number.isFinite(y) ? [x, y] : null;
}

function readCount(fields: IncidentFields, field: CountField): number | null | undefined {
  const input = fields.counts[field].control;
  // A number field holding letters reads as '': say so rather than send nothing.
  if (input.validity.badInput) return undefined;
  return input.value.trim() === '' ? null : Number(input.value);
}

export function readIncident(fields: IncidentFields, sources: SourceList): FormReading {
  const f = fields;
  clearInvalid(f);
  const problem = (key: MessageKey, field: HTMLElement, params: Record<string, string> = {}): FormReading => {
    field.setAttribute('aria-invalid', 'true');
    return { ok: false, message: t(key, params), field };
  };
  if (!typedPosition(f)) return problem('incidentEditor.needPlace', f.lon.control);
  if (!f.occurredOn.control.value) return problem('incidentEditor.needDate', f.occurredOn.control);
  if (!f.category.control.value) return problem('incidentEditor.needCategory', f.category.control);
  const numbers: Partial<Record<CountField, number | null>> = {};
  for (const field of COUNT_FIELDS) {
    const n = readCount(f, field);
    if (n === undefined) return problem('incidentEditor.needNumber', f.counts[field].control, { field: label(field) });
    numbers[field] = n;
  }
  return {
    ok: true,
    properties: {
      occurred_on: f.occurredOn.control.value,
      time_precision: Number(f.timePrecision.control.value),
      category: f.category.control.value,
      sub_category: text(f.subCategory.control.value),
      perpetrator_type: f.perpetrator.control.value || null,
      victims: numbers.victims ?? null,
      killed: numbers.killed ?? null,
      injured: numbers.injured ?? null,
      geo_precision: Number(f.geoPrecision.control.value),
      sources: sources.read(),
      verification: f.verification.control.value,
      follow_up: f.followUp.control.value,
      description: text(f.description.control.value),
    },
  };
}

/** Empties the form; a new incident starts on the map's date, reported, with nothing followed up. */
export function resetIncident(fields: IncidentFields, sources: SourceList, date: string): void {
  const f = fields;
  const typed = [f.lon.control, f.lat.control, f.subCategory.control, f.description.control, ...COUNT_FIELDS.map((c) => f.counts[c].control)];
  for (const input of typed) input.value = '';
  f.occurredOn.control.value = date;
  f.category.control.value = '';
  f.perpetrator.control.value = '';
  f.timePrecision.control.value = '1';
  f.geoPrecision.control.value = '1';
  f.verification.control.value = 'reported';
  f.followUp.control.value = 'none';
  sources.clear();
  clearInvalid(f);
}

/** The form filled with a record's values, for changing it. */
export function fillIncident(fields: IncidentFields, sources: SourceList, record: LayerFeature): void {
  const f = fields;
  const p = record.properties;
  const value = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  f.occurredOn.control.value = value(p.occurred_on);
  f.timePrecision.control.value = value(p.time_precision ?? 1);
  f.category.control.value = value(p.category);
  f.subCategory.control.value = value(p.sub_category);
  f.perpetrator.control.value = value(p.perpetrator_type);
  for (const c of COUNT_FIELDS) f.counts[c].control.value = value(p[c]);
  f.geoPrecision.control.value = value(p.geo_precision ?? 1);
  f.verification.control.value = value(p.verification ?? 'reported');
  f.followUp.control.value = value(p.follow_up ?? 'none');
  f.description.control.value = value(p.description);
  const list = Array.isArray(p.sources) ? (p.sources as SourceValue[]) : [];
  for (const source of list) sources.add(source);
}
