/**
 * The export dialog's fieldsets, one function each: which layers, where (the map's view or
 * everything), when (as the map shows it, or a period), for whom (the sharing profile) and in
 * which format. Each gives back its fieldset and the controls export-choices.ts reads.
 */
import { el } from '../../shared/dom.js';
import { isoDateField } from '../../shared/iso-date-input.js';
import { localize, t, type Localized, type MessageKey } from '../messages.js';
import { EXPORT_FORMATS, EXPORT_LAYERS, EXPORT_PROFILES, type ExportFormat, type ExportLayer, type ExportProfile } from './export-request.js';
import type { Texts } from './export-texts.js';

const FORMAT_LABELS: Record<ExportFormat, string> = { geojson: 'GeoJSON', csv: 'CSV' };

function radio(name: string, value: string, checked = false): HTMLInputElement {
  const input = el('input');
  input.type = 'radio';
  input.name = name;
  input.value = value;
  input.checked = checked;
  return input;
}

/** A fieldset whose legend is translated along with the rest. */
function group(className: string, texts: Texts, legendKey: MessageKey): { fieldset: HTMLFieldSetElement; legend: HTMLLegendElement } {
  const fieldset = el('fieldset', `export-group ${className}`);
  const legend = el('legend');
  fieldset.append(legend);
  texts.text(legend, legendKey);
  return { fieldset, legend };
}

/** A checkbox per layer, named by the layer's title as the API gives it (its name until the list has loaded). */
export function layerFields(texts: Texts, title: (layer: string) => Localized | undefined) {
  const { fieldset } = group('export-layers', texts, 'export.layers');
  const boxes = new Map<ExportLayer, { input: HTMLInputElement; label: HTMLSpanElement }>();
  for (const layer of EXPORT_LAYERS) {
    const label = el('label', 'export-option');
    const input = el('input');
    input.type = 'checkbox';
    input.name = 'layers';
    input.value = layer;
    const name = el('span');
    label.append(input, name);
    fieldset.append(label);
    boxes.set(layer, { input, label: name });
  }
  const describe = () => {
    for (const [layer, { label }] of boxes) {
      const known = title(layer);
      label.textContent = known ? localize(known) : layer;
    }
  };
  texts.add(describe);
  return { fieldset, boxes, describe };
}

export function areaFields(texts: Texts) {
  const { fieldset } = group('export-area', texts, 'export.area');
  const radios = { view: radio('area', 'view', true), all: radio('area', 'all') };
  for (const [value, input] of Object.entries(radios)) {
    const label = el('label', 'export-option');
    const span = el('span');
    texts.text(span, value === 'view' ? 'export.area.view' : 'export.area.all');
    label.append(input, span);
    fieldset.append(label);
  }
  return { fieldset, radios };
}

/** Dates: as the map shows them (the default: the file holds what the user sees), or a period. */
export function dateFields(texts: Texts, view: () => { date: string; incidentDays: number } | null) {
  const { fieldset } = group('export-dates', texts, 'export.dates');
  const radios = { map: radio('dates', 'map', true), range: radio('dates', 'range') };
  const mapDatesLabel = el('span');
  mapDatesLabel.id = 'export-dates-map-label';
  const rangeLabel = el('span');
  texts.text(rangeLabel, 'export.dates.range');
  for (const [input, span] of [
    [radios.map, mapDatesLabel],
    [radios.range, rangeLabel],
  ] as const) {
    const label = el('label', 'export-option');
    label.append(input, span);
    fieldset.append(label);
  }
  const describeMapDates = () => {
    const shown = view();
    mapDatesLabel.textContent = !shown
      ? t('export.dates.mapPending')
      : shown.incidentDays > 0
        ? t('export.dates.map', { date: shown.date, days: shown.incidentDays })
        : t('export.dates.mapAll', { date: shown.date });
  };
  texts.add(describeMapDates);
  const dateInput = (id: string, key: MessageKey) => {
    const label = el('label', 'export-date');
    const span = el('span');
    texts.text(span, key);
    const input = el('input');
    input.id = id;
    input.name = id;
    input.setAttribute('aria-describedby', 'export-dates-help');
    label.append(span, isoDateField(input));
    fieldset.append(label);
    return input;
  };
  const from = dateInput('export-from', 'export.from');
  const to = dateInput('export-to', 'export.to');
  const help = el('p', 'export-help');
  help.id = 'export-dates-help';
  texts.text(help, 'export.dates.help');
  fieldset.append(help);
  return { fieldset, radios, from, to, describeMapDates };
}

export function profileFields(texts: Texts) {
  const { fieldset } = group('export-profile', texts, 'export.profile');
  const radios = new Map<ExportProfile, HTMLInputElement>();
  for (const value of EXPORT_PROFILES) {
    // Partner is what an export is for, as on the server.
    const input = radio('profile', value, value === 'partner');
    const helpId = `export-profile-${value}-help`;
    input.setAttribute('aria-describedby', helpId);
    const label = el('label', 'export-option export-profile-option');
    const name = el('span', 'export-profile-name');
    texts.text(name, `export.profile.${value}`);
    const help = el('span', 'export-help');
    help.id = helpId;
    texts.text(help, `export.profile.${value}.help`);
    label.append(input, name, help);
    fieldset.append(label);
    radios.set(value, input);
  }
  return { fieldset, radios };
}

export function formatFields(texts: Texts) {
  const { fieldset } = group('export-format', texts, 'export.format');
  const radios = new Map<ExportFormat, HTMLInputElement>();
  for (const value of EXPORT_FORMATS) {
    const input = radio('format', value, value === 'geojson');
    const label = el('label', 'export-option');
    label.append(input, el('span', undefined, FORMAT_LABELS[value]));
    fieldset.append(label);
    radios.set(value, input);
  }
  const help = el('p', 'export-help');
  texts.text(help, 'export.format.help');
  fieldset.append(help);
  return { fieldset, radios };
}
