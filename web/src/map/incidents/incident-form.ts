/**
 * The incident editor's form: where (a point on the map, or typed), when and how precisely,
 * what happened, who did it, how many people it hurt (counts only, never names), the sources,
 * how far it is verified and followed up. Only markup, labels and reading the values here;
 * incident-editor.ts gives it behaviour. Choices come from incident-vocabulary.ts, the
 * server's own lists; every label from field-labels.ts, as in the popups.
 */
import { isoDateField } from '../../shared/iso-date-input.js';
import type { LayerFeature } from '../../shared/api.js';
import { vocabulary } from '../contested/contested-reasons.js';
import { el, labelled } from '../../shared/dom.js';
import { fieldLabel } from '../../shared/field-labels.js';
import { formatNumber, localize, onLangChange, t, type MessageKey } from '../messages.js';
import type { IncidentProperties } from './incident-api.js';
import { CATEGORIES, FOLLOW_UP_STATES, PERPETRATOR_TYPES, PRECISIONS, SOURCE_TYPES, VERIFICATION_LEVELS } from './incident-vocabulary.js';

function button(className: string): HTMLButtonElement {
  const b = el('button', className);
  b.type = 'button';
  return b;
}

function fieldset(className: string): { set: HTMLFieldSetElement; legend: HTMLLegendElement } {
  const set = el('fieldset', `incident-fieldset ${className}`);
  const legend = el('legend');
  set.append(legend);
  return { set, legend };
}

/** The label of a data field, in the page's language. */
const label = (field: string) => {
  const known = fieldLabel(field);
  return known ? localize(known) : field;
};

const COUNT_FIELDS = ['victims', 'killed', 'injured'] as const;

/** What a reading of the form gives: the properties to send, or what to fix first. */
export type FormReading = { ok: true; properties: IncidentProperties } | { ok: false; message: string; field: HTMLElement };

export function createIncidentForm(container: HTMLElement) {
  const start = button('editor-start');
  start.id = 'new-incident';
  start.setAttribute('aria-controls', 'incident-editor-form');
  start.setAttribute('aria-expanded', 'false');
  const message = el('p', 'editor-message');
  message.setAttribute('role', 'status');

  const form = el('div', 'editor-form incident-form');
  form.id = 'incident-editor-form';
  form.hidden = true;
  form.setAttribute('role', 'group');
  const title = el('h2', 'editor-title');
  title.id = 'incident-editor-title';
  form.setAttribute('aria-labelledby', title.id);
  const instructions = el('p', 'help');
  const progress = el('p', 'editor-progress');
  progress.setAttribute('aria-live', 'polite');

  // Where
  const where = fieldset('incident-where');
  const lon = labelled('incident-lon', el('input'));
  const lat = labelled('incident-lat', el('input'));
  for (const input of [lon.control, lat.control]) {
    input.type = 'number';
    input.step = 'any';
    input.inputMode = 'decimal';
  }
  const place = button('editor-place');
  const placeButtons = el('div', 'editor-buttons');
  placeButtons.append(place);
  const geoPrecision = labelled('incident-geo-precision', el('select'));
  const coordinates = el('div', 'incident-coordinates');
  coordinates.append(lon.wrapper, lat.wrapper);
  where.set.append(coordinates, placeButtons, geoPrecision.wrapper);

  // When
  const when = fieldset('incident-when');
  const occurredOn = labelled('incident-occurred-on', el('input'));
  occurredOn.control.required = true;
  const timePrecision = labelled('incident-time-precision', el('select'));
  when.set.append(occurredOn.wrapper, timePrecision.wrapper);
  isoDateField(occurredOn.control);

  // What and who
  const category = labelled('incident-category', el('select'));
  category.control.required = true;
  const subCategory = labelled('incident-sub-category', el('input'));
  subCategory.control.type = 'text';
  subCategory.control.maxLength = 2_000;
  const perpetrator = labelled('incident-perpetrator-type', el('select'));

  // How many people: counts, never identities (DOMAIN.md).
  const victims = fieldset('incident-victims');
  const victimsHelp = el('p', 'help');
  victimsHelp.id = 'incident-victims-help';
  const counts = Object.fromEntries(
    COUNT_FIELDS.map((field) => {
      const input = labelled(`incident-${field}`, el('input'));
      input.control.type = 'number';
      input.control.min = '0';
      input.control.step = '1';
      input.control.inputMode = 'numeric';
      input.control.setAttribute('aria-describedby', victimsHelp.id);
      return [field, input];
    }),
  ) as Record<(typeof COUNT_FIELDS)[number], ReturnType<typeof labelled<HTMLInputElement>>>;
  const countRow = el('div', 'incident-counts');
  countRow.append(...COUNT_FIELDS.map((f) => counts[f].wrapper));
  victims.set.append(victimsHelp, countRow);

  // Sources: type and an internal reference each.
  const sources = fieldset('incident-sources');
  const sourcesHelp = el('p', 'help');
  const sourceList = el('ol', 'incident-source-list');
  const addSource = button('editor-add-source');
  const sourceButtons = el('div', 'editor-buttons');
  sourceButtons.append(addSource);
  sources.set.append(sourcesHelp, sourceList, sourceButtons);
  const sourceRows: Array<{ row: HTMLLIElement; type: HTMLSelectElement; reference: HTMLInputElement; remove: HTMLButtonElement; labels: [HTMLLabelElement, HTMLLabelElement] }> = [];
  let sourceSerial = 0;

  const verification = labelled('incident-verification', el('select'));
  const followUp = labelled('incident-follow-up', el('select'));
  const description = labelled('incident-description', el('textarea'));
  description.control.rows = 3;
  description.control.maxLength = 20_000;
  const descriptionHelp = el('p', 'help');
  descriptionHelp.id = 'incident-description-help';
  description.control.setAttribute('aria-describedby', descriptionHelp.id);
  description.wrapper.append(descriptionHelp);

  const save = button('editor-save');
  save.id = 'incident-save';
  const cancel = button('editor-cancel');
  const actions = el('div', 'editor-buttons');
  actions.append(save, cancel);
  const error = el('p', 'field-error editor-error');
  error.setAttribute('role', 'alert');
  error.hidden = true;

  form.append(
    title, instructions, progress, where.set, when.set, category.wrapper, subCategory.wrapper, perpetrator.wrapper, victims.set, sources.set,
    verification.wrapper, followUp.wrapper, description.wrapper, actions, error,
  );
  container.append(start, message, form);

  const selects: Array<[HTMLSelectElement, string, readonly (string | number)[], { empty?: MessageKey }]> = [
    [category.control, 'category', CATEGORIES, { empty: 'editor.choose' }],
    [perpetrator.control, 'perpetrator_type', PERPETRATOR_TYPES, { empty: 'incidentEditor.unknownPerpetrator' }],
    [timePrecision.control, 'time_precision', PRECISIONS, {}],
    [geoPrecision.control, 'geo_precision', PRECISIONS, {}],
    [verification.control, 'verification', VERIFICATION_LEVELS, {}],
    [followUp.control, 'follow_up', FOLLOW_UP_STATES, {}],
  ];
  function fillSelect(select: HTMLSelectElement, field: string, values: readonly (string | number)[], empty?: MessageKey): void {
    const chosen = select.value;
    const options = values.map((v) => new Option(vocabulary(field, String(v)), String(v)));
    select.replaceChildren(...(empty ? [new Option(t(empty), '')] : []), ...options);
    select.value = chosen;
  }

  function addSourceRow(value: { type?: string; reference?: string } = {}): HTMLSelectElement {
    sourceSerial += 1;
    const row = el('li', 'incident-source');
    const type = labelled(`incident-source-type-${sourceSerial}`, el('select'));
    fillSelect(type.control, 'type', SOURCE_TYPES);
    type.control.value = value.type ?? 'witness';
    const reference = labelled(`incident-source-reference-${sourceSerial}`, el('input'));
    reference.control.type = 'text';
    reference.control.maxLength = 500;
    reference.control.value = value.reference ?? '';
    const remove = button('editor-remove-source');
    const entry = { row, type: type.control, reference: reference.control, remove, labels: [type.label, reference.label] as [HTMLLabelElement, HTMLLabelElement] };
    remove.addEventListener('click', () => {
      const index = sourceRows.indexOf(entry);
      sourceRows.splice(index, 1);
      row.remove();
      refreshSources();
      (sourceRows[index]?.type ?? sourceRows[index - 1]?.type ?? addSource).focus();
    });
    row.append(type.wrapper, reference.wrapper, remove);
    sourceList.append(row);
    sourceRows.push(entry);
    refreshSources();
    return type.control;
  }
  addSource.addEventListener('click', () => addSourceRow().focus());

  /** Each source's controls say which source they belong to: "Source 2 : type". */
  function refreshSources(): void {
    sourceRows.forEach((entry, i) => {
      const n = i + 1;
      entry.labels[0].textContent = t('incidentEditor.sourceType', { n });
      entry.labels[1].textContent = t('incidentEditor.sourceReference', { n });
      entry.remove.textContent = t('incidentEditor.removeSource', { n });
      const chosen = entry.type.value;
      fillSelect(entry.type, 'type', SOURCE_TYPES);
      entry.type.value = chosen;
    });
  }

  const texts: Array<[HTMLElement, MessageKey]> = [
    [start, 'incidentEditor.start'],
    [instructions, 'incidentEditor.instructions'],
    [where.legend, 'incidentEditor.where'],
    [lon.label, 'incidentEditor.lon'],
    [lat.label, 'incidentEditor.lat'],
    [when.legend, 'incidentEditor.when'],
    [victims.legend, 'incidentEditor.victims'],
    [victimsHelp, 'incidentEditor.victimsHelp'],
    [sources.legend, 'incidentEditor.sources'],
    [sourcesHelp, 'incidentEditor.sourcesHelp'],
    [addSource, 'incidentEditor.addSource'],
    [descriptionHelp, 'incidentEditor.descriptionHelp'],
    [cancel, 'editor.cancel'],
  ];
  const fieldLabels: Array<[HTMLLabelElement, string]> = [
    [geoPrecision.label, 'geo_precision'],
    [occurredOn.label, 'occurred_on'],
    [timePrecision.label, 'time_precision'],
    [category.label, 'category'],
    [subCategory.label, 'sub_category'],
    [perpetrator.label, 'perpetrator_type'],
    [verification.label, 'verification'],
    [followUp.label, 'follow_up'],
    [description.label, 'description'],
    ...COUNT_FIELDS.map((f) => [counts[f].label, f] as [HTMLLabelElement, string]),
  ];
  let editing: number | null = null;
  let placed = false;
  const refresh = () => {
    for (const [element, key] of texts) element.textContent = t(key);
    for (const [element, field] of fieldLabels) element.textContent = label(field);
    title.textContent = editing === null ? t('incidentEditor.titleNew') : t('incidentEditor.titleEdit', { id: editing });
    save.textContent = t(editing === null ? 'incidentEditor.save' : 'incidentEditor.saveChanges');
    place.textContent = t(placed ? 'incidentEditor.move' : 'incidentEditor.place');
    cancel.setAttribute('aria-keyshortcuts', 'Escape');
    for (const [select, field, values, { empty }] of selects) fillSelect(select, field, values, empty);
    refreshSources();
  };
  onLangChange(refresh);
  refresh();

  /** The controls the editor moves the focus to or listens to. */
  const controls = { lon: lon.control, lat: lat.control, occurred_on: occurredOn.control };

  function clearInvalid(): void {
    for (const control of form.querySelectorAll('[aria-invalid="true"]')) control.removeAttribute('aria-invalid');
  }

  function readCount(field: (typeof COUNT_FIELDS)[number]): number | null | undefined {
    const input = counts[field].control;
    // A number field holding letters reads as '': say so rather than send nothing.
    if (input.validity.badInput) return undefined;
    return input.value.trim() === '' ? null : Number(input.value);
  }

  const text = (value: string) => (value.trim() === '' ? null : value.trim());

  /** The typed position, when both numbers are there. */
  function position(): [number, number] | null {
    const [x, y] = [lon.control.valueAsNumber, lat.control.valueAsNumber];
    return Number.isFinite(x) && Number.isFinite(y) ? [x, y] : null;
  }

  return {
    start, message, form, progress, place, save, cancel, error, controls,
    /** The form for a new incident (editing null) or for the incident being changed. */
    setMode(id: number | null) {
      editing = id;
      refresh();
    },
    setPlaced(on: boolean) {
      placed = on;
      refresh();
    },
    /** Empties the form; a new incident starts on the map's date, reported, with nothing followed up. */
    reset(date: string) {
      for (const input of [lon.control, lat.control, subCategory.control, description.control, ...COUNT_FIELDS.map((f) => counts[f].control)]) input.value = '';
      occurredOn.control.value = date;
      category.control.value = '';
      perpetrator.control.value = '';
      timePrecision.control.value = '1';
      geoPrecision.control.value = '1';
      verification.control.value = 'reported';
      followUp.control.value = 'none';
      for (const entry of sourceRows.splice(0)) entry.row.remove();
      clearInvalid();
    },
    /** The form filled with a record's values, for changing it. */
    fill(record: LayerFeature) {
      const p = record.properties;
      const value = (v: unknown) => (v === null || v === undefined ? '' : String(v));
      occurredOn.control.value = value(p.occurred_on);
      timePrecision.control.value = value(p.time_precision ?? 1);
      category.control.value = value(p.category);
      subCategory.control.value = value(p.sub_category);
      perpetrator.control.value = value(p.perpetrator_type);
      for (const f of COUNT_FIELDS) counts[f].control.value = value(p[f]);
      geoPrecision.control.value = value(p.geo_precision ?? 1);
      verification.control.value = value(p.verification ?? 'reported');
      followUp.control.value = value(p.follow_up ?? 'none');
      description.control.value = value(p.description);
      const list = Array.isArray(p.sources) ? (p.sources as Array<{ type?: string; reference?: string }>) : [];
      for (const source of list) addSourceRow(source);
    },
    setPosition([x, y]: [number, number]) {
      lon.control.value = String(Math.round(x * 1e6) / 1e6);
      lat.control.value = String(Math.round(y * 1e6) / 1e6);
    },
    position,
    positionText([x, y]: [number, number]) {
      return t('incidentEditor.placed', { lon: formatNumber(x, 5), lat: formatNumber(y, 5) });
    },
    read(): FormReading {
      clearInvalid();
      const problem = (key: MessageKey, field: HTMLElement, params: Record<string, string> = {}): FormReading => {
        field.setAttribute('aria-invalid', 'true');
        return { ok: false, message: t(key, params), field };
      };
      if (!position()) return problem('incidentEditor.needPlace', lon.control);
      if (!occurredOn.control.value) return problem('incidentEditor.needDate', occurredOn.control);
      if (!category.control.value) return problem('incidentEditor.needCategory', category.control);
      const numbers: Partial<Record<(typeof COUNT_FIELDS)[number], number | null>> = {};
      for (const field of COUNT_FIELDS) {
        const n = readCount(field);
        if (n === undefined) return problem('incidentEditor.needNumber', counts[field].control, { field: label(field) });
        numbers[field] = n;
      }
      return {
        ok: true,
        properties: {
          occurred_on: occurredOn.control.value,
          time_precision: Number(timePrecision.control.value),
          category: category.control.value,
          sub_category: text(subCategory.control.value),
          perpetrator_type: perpetrator.control.value || null,
          victims: numbers.victims ?? null,
          killed: numbers.killed ?? null,
          injured: numbers.injured ?? null,
          geo_precision: Number(geoPrecision.control.value),
          sources: sourceRows.map((s) => ({ type: s.type.value, ...(text(s.reference.value) ? { reference: s.reference.value.trim() } : {}) })),
          verification: verification.control.value,
          follow_up: followUp.control.value,
          description: text(description.control.value),
        },
      };
    },
    /** Shows one message in the form's alert, or clears it with null. */
    setError(message: string | null) {
      error.hidden = message === null;
      error.textContent = message ?? '';
    },
    /** Marks the control of a property the server refused, when the form has one. */
    markInvalid(property: string): HTMLElement | undefined {
      const control = form.querySelector<HTMLElement>(`#incident-${property.replace(/_/g, '-')}`);
      control?.setAttribute('aria-invalid', 'true');
      return control ?? undefined;
    },
  };
}

export type IncidentForm = ReturnType<typeof createIncidentForm>;
