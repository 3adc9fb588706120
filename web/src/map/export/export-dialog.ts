/**
 * The export dialog: which layers, where (the map's view or everything), when, for whom
 * (the sharing profile) and in which format; a live count of what would leave; and a
 * download link to `GET /api/export`, so that the browser streams the file to disk itself.
 * A native modal <dialog>: the browser traps the focus in it and closes it on Escape.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { ApiError } from '../../shared/api.js';
import { el } from '../../shared/dom.js';
import { isoDateField } from '../../shared/iso-date-input.js';
import './export-dialog.css';
import {
  EXPORT_FORMATS,
  EXPORT_LAYERS,
  EXPORT_PROFILES,
  exportUrl,
  fetchExportCount,
  viewBbox,
  type ExportChoices,
  type ExportFormat,
  type ExportLayer,
  type ExportProfile,
} from './export-request.js';
import { formatNumber, localize, onLangChange, t, type Localized, type MessageKey } from '../messages.js';
import { isLayerVisible } from '../layers/layers.js';

export interface ExportDialogOptions {
  map: MapLibreMap;
  /** A layer's title as the API gives it; the layer's name until the list has loaded. */
  title(layer: string): Localized | undefined;
  /** What the map shows now: its date, and the incident filter's days (0: all history). Null before the first load. */
  view(): { date: string; incidentDays: number } | null;
}

export interface ExportDialog {
  open(): void;
  /** The choices as they stand, with the map's view read now. */
  choices(): ExportChoices;
}

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
function group(className: string): { fieldset: HTMLFieldSetElement; legend: HTMLLegendElement } {
  const fieldset = el('fieldset', `export-group ${className}`);
  const legend = el('legend');
  fieldset.append(legend);
  return { fieldset, legend };
}

export function createExportDialog(container: HTMLElement, options: ExportDialogOptions): ExportDialog {
  const { map } = options;
  const texts: Array<() => void> = [];
  /** Sets an element's text now and on every language switch. */
  const text = (element: HTMLElement, key: MessageKey) => {
    const apply = () => (element.textContent = t(key));
    apply();
    texts.push(apply);
  };

  const opener = el('button', 'export-open');
  opener.type = 'button';
  opener.id = 'export-open';
  opener.setAttribute('aria-haspopup', 'dialog');
  text(opener, 'export.open');
  container.append(opener);

  const dialog = el('dialog', 'export-dialog');
  dialog.id = 'export-dialog';
  dialog.setAttribute('aria-labelledby', 'export-title');
  const header = el('div', 'export-header');
  const heading = el('h2');
  heading.id = 'export-title';
  text(heading, 'export.title');
  const close = el('button', 'export-close', '×');
  close.type = 'button';
  header.append(heading, close);

  const form = el('form', 'export-form');
  form.noValidate = true;

  // Layers
  const layers = group('export-layers');
  text(layers.legend, 'export.layers');
  const layerBoxes = new Map<ExportLayer, { input: HTMLInputElement; label: HTMLSpanElement }>();
  for (const layer of EXPORT_LAYERS) {
    const label = el('label', 'export-option');
    const input = el('input');
    input.type = 'checkbox';
    input.name = 'layers';
    input.value = layer;
    const name = el('span');
    label.append(input, name);
    layers.fieldset.append(label);
    layerBoxes.set(layer, { input, label: name });
  }
  const layerTitles = () => {
    for (const [layer, { label }] of layerBoxes) {
      const title = options.title(layer);
      label.textContent = title ? localize(title) : layer;
    }
  };
  texts.push(layerTitles);

  // Area
  const area = group('export-area');
  text(area.legend, 'export.area');
  const areaRadios = { view: radio('area', 'view', true), all: radio('area', 'all') };
  for (const [value, input] of Object.entries(areaRadios)) {
    const label = el('label', 'export-option');
    const span = el('span');
    text(span, value === 'view' ? 'export.area.view' : 'export.area.all');
    label.append(input, span);
    area.fieldset.append(label);
  }

  // Dates: as the map shows them (the default: the file holds what the user sees), or a period.
  const dates = group('export-dates');
  text(dates.legend, 'export.dates');
  const dateRadios = { map: radio('dates', 'map', true), range: radio('dates', 'range') };
  const mapDatesLabel = el('span');
  mapDatesLabel.id = 'export-dates-map-label';
  const rangeLabel = el('span');
  text(rangeLabel, 'export.dates.range');
  for (const [input, span] of [[dateRadios.map, mapDatesLabel], [dateRadios.range, rangeLabel]] as const) {
    const label = el('label', 'export-option');
    label.append(input, span);
    dates.fieldset.append(label);
  }
  const describeMapDates = () => {
    const view = options.view();
    mapDatesLabel.textContent = !view
      ? t('export.dates.mapPending')
      : view.incidentDays > 0
        ? t('export.dates.map', { date: view.date, days: view.incidentDays })
        : t('export.dates.mapAll', { date: view.date });
  };
  texts.push(describeMapDates);
  const dateInput = (id: string, key: MessageKey) => {
    const label = el('label', 'export-date');
    const span = el('span');
    text(span, key);
    const input = el('input');
    input.id = id;
    input.name = id;
    input.setAttribute('aria-describedby', 'export-dates-help');
    label.append(span, isoDateField(input));
    dates.fieldset.append(label);
    return input;
  };
  const from = dateInput('export-from', 'export.from');
  const to = dateInput('export-to', 'export.to');
  const datesHelp = el('p', 'export-help');
  datesHelp.id = 'export-dates-help';
  text(datesHelp, 'export.dates.help');
  dates.fieldset.append(datesHelp);

  // Profile
  const profile = group('export-profile');
  text(profile.legend, 'export.profile');
  const profileRadios = new Map<ExportProfile, HTMLInputElement>();
  for (const value of EXPORT_PROFILES) {
    // Partner is what an export is for, as on the server.
    const input = radio('profile', value, value === 'partner');
    const helpId = `export-profile-${value}-help`;
    input.setAttribute('aria-describedby', helpId);
    const label = el('label', 'export-option export-profile-option');
    const name = el('span', 'export-profile-name');
    text(name, `export.profile.${value}`);
    const help = el('span', 'export-help');
    help.id = helpId;
    text(help, `export.profile.${value}.help`);
    label.append(input, name, help);
    profile.fieldset.append(label);
    profileRadios.set(value, input);
  }

  // Format
  const format = group('export-format');
  text(format.legend, 'export.format');
  const formatRadios = new Map<ExportFormat, HTMLInputElement>();
  for (const value of EXPORT_FORMATS) {
    const input = radio('format', value, value === 'geojson');
    const label = el('label', 'export-option');
    label.append(input, el('span', undefined, FORMAT_LABELS[value]));
    format.fieldset.append(label);
    formatRadios.set(value, input);
  }
  const formatHelp = el('p', 'export-help');
  text(formatHelp, 'export.format.help');
  format.fieldset.append(formatHelp);

  // Count and download
  const count = el('p', 'export-count');
  count.id = 'export-count';
  count.setAttribute('role', 'status');
  count.setAttribute('aria-live', 'polite');
  const download = el('a', 'export-download');
  download.id = 'export-download';
  text(download, 'export.download');

  form.append(layers.fieldset, area.fieldset, dates.fieldset, profile.fieldset, format.fieldset);
  const footer = el('div', 'export-footer');
  footer.append(count, download);
  dialog.append(header, form, footer);
  document.body.append(dialog);

  const checkedOf = <T extends string>(radios: Map<T, HTMLInputElement>, fallback: T): T =>
    [...radios].find(([, input]) => input.checked)?.[0] ?? fallback;

  const choices = (): ExportChoices => {
    const chosen: ExportChoices = {
      layers: EXPORT_LAYERS.filter((layer) => layerBoxes.get(layer)!.input.checked),
      profile: checkedOf(profileRadios, 'partner'),
      format: checkedOf(formatRadios, 'geojson'),
    };
    if (areaRadios.view.checked) chosen.bbox = viewBbox(map.getBounds().toArray() as [[number, number], [number, number]]);
    const view = options.view();
    if (dateRadios.map.checked && view) {
      chosen.asOf = view.date;
      if (view.incidentDays > 0) chosen.incidentDays = view.incidentDays;
    } else if (dateRadios.range.checked) {
      if (from.value) chosen.from = from.value;
      if (to.value) chosen.to = to.value;
    }
    return chosen;
  };

  /** What the count line says, kept to be said again after a language switch. */
  let state: { kind: 'loading' } | { kind: 'none' } | { kind: 'count'; total: number } | { kind: 'error'; message: string } = { kind: 'loading' };
  const showState = () => {
    count.dataset.state = state.kind === 'count' || state.kind === 'none' ? 'ready' : state.kind;
    count.classList.toggle('export-error', state.kind === 'error' || state.kind === 'none');
    switch (state.kind) {
      case 'loading':
        count.textContent = t('export.count.loading');
        break;
      case 'none':
        count.textContent = t('export.noLayer');
        break;
      case 'error':
        count.textContent = t('export.count.error', { message: state.message });
        break;
      case 'count':
        count.textContent =
          state.total === 0 ? t('export.count.none') : state.total === 1 ? t('export.count.one') : t('export.count.many', { count: formatNumber(state.total) });
        count.dataset.total = String(state.total);
    }
  };
  const setDownload = (href: string | null) => {
    if (href) {
      download.href = href;
      download.setAttribute('download', '');
      download.removeAttribute('aria-disabled');
    } else {
      // A link without href is not a link: neither clickable nor in the tab order.
      download.removeAttribute('href');
      download.removeAttribute('download');
      download.setAttribute('aria-disabled', 'true');
    }
  };

  let pending: AbortController | null = null;
  const refresh = async () => {
    pending?.abort();
    const chosen = choices();
    delete count.dataset.total;
    if (chosen.layers.length === 0) {
      state = { kind: 'none' };
      setDownload(null);
      showState();
      return;
    }
    const load = new AbortController();
    pending = load;
    state = { kind: 'loading' };
    setDownload(null);
    showState();
    try {
      const result = await fetchExportCount(chosen, load.signal);
      if (load.signal.aborted) return;
      state = { kind: 'count', total: result.total };
      setDownload(exportUrl(chosen));
    } catch (error) {
      if (load.signal.aborted || (error instanceof DOMException && error.name === 'AbortError')) return;
      // The server's 4xx says what to fix ("to must not be before from"): show its words.
      state = { kind: 'error', message: error instanceof ApiError ? error.detail : error instanceof Error ? error.message : String(error) };
    }
    showState();
  };
  // A date field says `change` once its date is whole (iso-date-input.ts): no count is asked for a date half-typed.
  form.addEventListener('change', () => {
    from.disabled = to.disabled = dateRadios.map.checked;
    void refresh();
  });
  form.addEventListener('submit', (event) => event.preventDefault());

  let opened = false;
  const open = () => {
    if (!opened) {
      // The first time, the layers drawn on the map; afterwards, what the user chose.
      for (const [layer, { input }] of layerBoxes) input.checked = isLayerVisible(map, layer);
      opened = true;
    }
    layerTitles();
    describeMapDates();
    from.disabled = to.disabled = dateRadios.map.checked;
    dialog.showModal();
    void refresh();
  };
  opener.addEventListener('click', open);
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    pending?.abort();
    opener.focus();
  });

  const translate = () => {
    for (const apply of texts) apply();
    close.setAttribute('aria-label', t('export.close'));
    close.title = t('export.close');
    showState();
  };
  translate();
  onLangChange(translate);
  setDownload(null);

  return { open, choices };
}
