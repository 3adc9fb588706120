/**
 * The incident editor's form: where (a point on the map, or typed), when and how precisely,
 * what happened, who did it, how many people it hurt (counts only, never names), the sources,
 * how far it is verified and followed up. Only markup, labels and reading the values here;
 * incident-editor.ts gives it behaviour. The markup is incident-fields.ts, the sources'
 * rows incident-sources.ts, reading and filling incident-reading.ts. Choices come from
 * incident-vocabulary.ts, the server's own lists; every label from field-labels.ts, as in the popups.
 */
import type { LayerFeature } from '../../shared/api.js';
import { formatNumber, onLangChange, t, type MessageKey } from '../messages.js';
import { buildIncidentFields, COUNT_FIELDS, type IncidentFields } from './incident-fields.js';
import { fillSelect, label } from './incident-form-controls.js';
import { fillIncident, readIncident, resetIncident, typedPosition, type FormReading } from './incident-reading.js';
import { createSourceList, type SourceList } from './incident-sources.js';
import { CATEGORIES, FOLLOW_UP_STATES, PERPETRATOR_TYPES, PRECISIONS, VERIFICATION_LEVELS } from './incident-vocabulary.js';

/** The form's texts, said again on every language switch; the title, save and place buttons depend on the form's mode. */
function translator(f: IncidentFields, sources: SourceList, mode: () => { editing: number | null; placed: boolean }) {
  const selects: Array<[HTMLSelectElement, string, readonly (string | number)[], { empty?: MessageKey }]> = [
    [f.category.control, 'category', CATEGORIES, { empty: 'editor.choose' }],
    [f.perpetrator.control, 'perpetrator_type', PERPETRATOR_TYPES, { empty: 'incidentEditor.unknownPerpetrator' }],
    [f.timePrecision.control, 'time_precision', PRECISIONS, {}],
    [f.geoPrecision.control, 'geo_precision', PRECISIONS, {}],
    [f.verification.control, 'verification', VERIFICATION_LEVELS, {}],
    [f.followUp.control, 'follow_up', FOLLOW_UP_STATES, {}],
  ];
  const texts: Array<[HTMLElement, MessageKey]> = [
    [f.start, 'incidentEditor.start'],
    [f.instructions, 'incidentEditor.instructions'],
    [f.where.legend, 'incidentEditor.where'],
    [f.lon.label, 'incidentEditor.lon'],
    [f.lat.label, 'incidentEditor.lat'],
    [f.when.legend, 'incidentEditor.when'],
    [f.victims.legend, 'incidentEditor.victims'],
    [f.victimsHelp, 'incidentEditor.victimsHelp'],
    [f.sources.legend, 'incidentEditor.sources'],
    [f.sourcesHelp, 'incidentEditor.sourcesHelp'],
    [f.addSource, 'incidentEditor.addSource'],
    [f.descriptionHelp, 'incidentEditor.descriptionHelp'],
    [f.cancel, 'editor.cancel'],
  ];
  const fieldLabels: Array<[HTMLLabelElement, string]> = [
    [f.geoPrecision.label, 'geo_precision'],
    [f.occurredOn.label, 'occurred_on'],
    [f.timePrecision.label, 'time_precision'],
    [f.category.label, 'category'],
    [f.subCategory.label, 'sub_category'],
    [f.perpetrator.label, 'perpetrator_type'],
    [f.verification.label, 'verification'],
    [f.followUp.label, 'follow_up'],
    [f.description.label, 'description'],
    ...COUNT_FIELDS.map((c) => [f.counts[c].label, c] as [HTMLLabelElement, string]),
  ];
  return () => {
    const { editing, placed } = mode();
    for (const [element, key] of texts) element.textContent = t(key);
    for (const [element, field] of fieldLabels) element.textContent = label(field);
    f.title.textContent = editing === null ? t('incidentEditor.titleNew') : t('incidentEditor.titleEdit', { id: editing });
    f.save.textContent = t(editing === null ? 'incidentEditor.save' : 'incidentEditor.saveChanges');
    f.place.textContent = t(placed ? 'incidentEditor.move' : 'incidentEditor.place');
    f.cancel.setAttribute('aria-keyshortcuts', 'Escape');
    for (const [select, field, values, { empty }] of selects) fillSelect(select, field, values, empty);
    sources.refresh();
  };
}

export function createIncidentForm(container: HTMLElement) {
  const fields = buildIncidentFields(container);
  const sources = createSourceList(fields.sourceList, fields.addSource);
  const { start, message, form, progress, place, save, cancel, error } = fields;

  let editing: number | null = null;
  let placed = false;
  const refresh = translator(fields, sources, () => ({ editing, placed }));
  onLangChange(refresh);
  refresh();

  /** Shows one message in the form's alert, or clears it with null. */
  function setError(text: string | null): void {
    error.hidden = text === null;
    error.textContent = text ?? '';
  }

  /** The controls the editor moves the focus to or listens to. */
  const controls = { lon: fields.lon.control, lat: fields.lat.control, occurred_on: fields.occurredOn.control };

  return {
    start,
    message,
    form,
    progress,
    place,
    save,
    cancel,
    error,
    controls,
    setPlaced(on: boolean) {
      placed = on;
      refresh();
    },
    /** The form filled with a record's values, for changing it. */
    fill(record: LayerFeature) {
      fillIncident(fields, sources, record);
    },
    setPosition([x, y]: [number, number]) {
      fields.lon.control.value = String(Math.round(x * 1e6) / 1e6);
      fields.lat.control.value = String(Math.round(y * 1e6) / 1e6);
    },
    /** The typed position, when both numbers are there. */
    position: () => typedPosition(fields),
    positionText([x, y]: [number, number]) {
      return t('incidentEditor.placed', { lon: formatNumber(x, 5), lat: formatNumber(y, 5) });
    },
    read: (): FormReading => readIncident(fields, sources),
    /**
     * Opens the form empty (a new incident starts on the map's date, reported, with nothing
     * followed up), for a new incident (id null) or before it is filled with the one with that id.
     */
    open(id: number | null, date: string) {
      resetIncident(fields, sources, date);
      editing = id;
      refresh();
      message.textContent = '';
      setError(null);
      form.hidden = false;
      start.disabled = true;
      start.setAttribute('aria-expanded', 'true');
    },
    close() {
      form.hidden = true;
      start.disabled = false;
      start.setAttribute('aria-expanded', 'false');
      setError(null);
    },
    setError,
    /** Marks the control of a property the server refused, when the form has one. */
    markInvalid(property: string): HTMLElement | undefined {
      const control = form.querySelector<HTMLElement>(`#incident-${property.replace(/_/g, '-')}`);
      control?.setAttribute('aria-invalid', 'true');
      return control ?? undefined;
    },
  };
}

export type IncidentForm = ReturnType<typeof createIncidentForm>;
