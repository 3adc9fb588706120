/**
 * The incident form's markup, fieldset by fieldset: where, when, what and who, how many people
 * (counts only, never names), the sources' place, verification and follow-up, the buttons.
 * No text here: incident-form.ts sets every label, and again on a language switch.
 */
import { el, labelled } from '../../shared/dom.js';
import { isoDateField } from '../../shared/iso-date-input.js';
import { button, fieldset } from './incident-form-controls.js';

export const COUNT_FIELDS = ['victims', 'killed', 'injured'] as const;
export type CountField = (typeof COUNT_FIELDS)[number];

/** The button that opens the form, and the line that says what became of the last save. */
function startControls() {
  const start = button('editor-start');
  start.id = 'new-incident';
  start.setAttribute('aria-controls', 'incident-editor-form');
  start.setAttribute('aria-expanded', 'false');
  const message = el('p', 'editor-message');
  message.setAttribute('role', 'status');
  return { start, message };
}

function formFrame() {
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
  return { form, title, instructions, progress };
}

/** A point placed on the map, or typed, and how precise it is. */
function whereFields() {
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
  return { where, lon, lat, place, geoPrecision };
}

function whenFields() {
  const when = fieldset('incident-when');
  const occurredOn = labelled('incident-occurred-on', el('input'));
  occurredOn.control.required = true;
  const timePrecision = labelled('incident-time-precision', el('select'));
  when.set.append(occurredOn.wrapper, timePrecision.wrapper);
  isoDateField(occurredOn.control);
  return { when, occurredOn, timePrecision };
}

function whatFields() {
  const category = labelled('incident-category', el('select'));
  category.control.required = true;
  const subCategory = labelled('incident-sub-category', el('input'));
  subCategory.control.type = 'text';
  subCategory.control.maxLength = 2_000;
  const perpetrator = labelled('incident-perpetrator-type', el('select'));
  return { category, subCategory, perpetrator };
}

/** How many people: counts, never identities (docs/domain.md, incidents). */
function victimFields() {
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
  ) as Record<CountField, ReturnType<typeof labelled<HTMLInputElement>>>;
  const countRow = el('div', 'incident-counts');
  countRow.append(...COUNT_FIELDS.map((f) => counts[f].wrapper));
  victims.set.append(victimsHelp, countRow);
  return { victims, victimsHelp, counts };
}

/** The sources' fieldset; incident-sources.ts fills its list. */
function sourceFields() {
  const sources = fieldset('incident-sources');
  const sourcesHelp = el('p', 'help');
  const sourceList = el('ol', 'incident-source-list');
  const addSource = button('editor-add-source');
  const sourceButtons = el('div', 'editor-buttons');
  sourceButtons.append(addSource);
  sources.set.append(sourcesHelp, sourceList, sourceButtons);
  return { sources, sourcesHelp, sourceList, addSource };
}

function followUpFields() {
  const verification = labelled('incident-verification', el('select'));
  const followUp = labelled('incident-follow-up', el('select'));
  const description = labelled('incident-description', el('textarea'));
  description.control.rows = 3;
  description.control.maxLength = 20_000;
  const descriptionHelp = el('p', 'help');
  descriptionHelp.id = 'incident-description-help';
  description.control.setAttribute('aria-describedby', descriptionHelp.id);
  description.wrapper.append(descriptionHelp);
  return { verification, followUp, description, descriptionHelp };
}

function actionFields() {
  const save = button('editor-save');
  save.id = 'incident-save';
  const cancel = button('editor-cancel');
  const actions = el('div', 'editor-buttons');
  actions.append(save, cancel);
  const error = el('p', 'field-error editor-error');
  error.setAttribute('role', 'alert');
  error.hidden = true;
  return { save, cancel, actions, error };
}

/** Every element of the form, built and put in the container, in reading order. */
export function buildIncidentFields(container: HTMLElement) {
  const fields = {
    ...startControls(),
    ...formFrame(),
    ...whereFields(),
    ...whenFields(),
    ...whatFields(),
    ...victimFields(),
    ...sourceFields(),
    ...followUpFields(),
    ...actionFields(),
  };
  const f = fields;
  f.form.append(
    f.title,
    f.instructions,
    f.progress,
    f.where.set,
    f.when.set,
    f.category.wrapper,
    f.subCategory.wrapper,
    f.perpetrator.wrapper,
    f.victims.set,
    f.sources.set,
    f.verification.wrapper,
    f.followUp.wrapper,
    f.description.wrapper,
    f.actions,
    f.error,
  );
  container.append(f.start, f.message, f.form);
  return fields;
}

export type IncidentFields = ReturnType<typeof buildIncidentFields>;
