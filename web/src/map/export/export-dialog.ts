/**
 * The export dialog: which layers, where (the map's view or everything), when, for whom
 * (the sharing profile) and in which format; a live count of what would leave; and a
 * download link to `GET /api/export`, so that the browser streams the file to disk itself.
 * A native modal <dialog>: the browser traps the focus in it and closes it on Escape.
 * The fieldsets are export-fields.ts, reading them export-choices.ts, the count and the link
 * export-count.ts; here the dialog is put together and asks for the count.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import { ApiError } from '../../shared/api.js';
import { el } from '../../shared/dom.js';
import './export-dialog.css';
import { readChoices, type ExportFields } from './export-choices.js';
import { createExportFooter } from './export-count.js';
import { areaFields, dateFields, formatFields, layerFields, profileFields } from './export-fields.js';
import { exportUrl, fetchExportCount, type ExportChoices } from './export-request.js';
import { createTexts, type Texts } from './export-texts.js';
import { onLangChange, t, type Localized } from '../messages.js';
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

/** The dialog's title bar: its heading and a close button. */
function dialogHeader(texts: Texts) {
  const header = el('div', 'export-header');
  const heading = el('h2');
  heading.id = 'export-title';
  texts.text(heading, 'export.title');
  const close = el('button', 'export-close', '×');
  close.type = 'button';
  header.append(heading, close);
  return { header, close };
}

/** The error a count request ends with, in words: the server's 4xx says what to fix ("to must not be before from"). */
function errorMessage(error: unknown): string {
  return error instanceof ApiError ? error.detail : error instanceof Error ? error.message : String(error);
}

export function createExportDialog(container: HTMLElement, options: ExportDialogOptions): ExportDialog {
  const { map } = options;
  const texts = createTexts();

  const opener = el('button', 'export-open');
  opener.type = 'button';
  opener.id = 'export-open';
  opener.setAttribute('aria-haspopup', 'dialog');
  texts.text(opener, 'export.open');
  container.append(opener);

  const dialog = el('dialog', 'export-dialog');
  dialog.id = 'export-dialog';
  dialog.setAttribute('aria-labelledby', 'export-title');
  const { header, close } = dialogHeader(texts);
  const form = el('form', 'export-form');
  form.noValidate = true;
  const fields: ExportFields = {
    layers: layerFields(texts, (layer) => options.title(layer)),
    area: areaFields(texts),
    dates: dateFields(texts, () => options.view()),
    profile: profileFields(texts),
    format: formatFields(texts),
  };
  const { layers, dates } = fields;
  const footer = createExportFooter(texts);
  form.append(layers.fieldset, fields.area.fieldset, dates.fieldset, fields.profile.fieldset, fields.format.fieldset);
  dialog.append(header, form, footer.footer);
  document.body.append(dialog);

  const choices = () => readChoices(fields, map, options.view());
  const followMapDates = () => (dates.from.disabled = dates.to.disabled = dates.radios.map.checked);

  let pending: AbortController | null = null;
  const refresh = async () => {
    pending?.abort();
    const chosen = choices();
    footer.clearTotal();
    if (chosen.layers.length === 0) {
      footer.setDownload(null);
      footer.setState({ kind: 'none' });
      return;
    }
    const load = new AbortController();
    pending = load;
    footer.setDownload(null);
    footer.setState({ kind: 'loading' });
    try {
      const result = await fetchExportCount(chosen, load.signal);
      if (load.signal.aborted) return;
      footer.setDownload(exportUrl(chosen));
      footer.setState({ kind: 'count', total: result.total });
    } catch (error) {
      if (load.signal.aborted || (error instanceof DOMException && error.name === 'AbortError')) return;
      footer.setState({ kind: 'error', message: errorMessage(error) });
    }
  };
  // A date field says `change` once its date is whole (iso-date-input.ts): no count is asked for a date half-typed.
  form.addEventListener('change', () => {
    followMapDates();
    void refresh();
  });
  form.addEventListener('submit', (event) => event.preventDefault());

  let opened = false;
  const open = () => {
    if (!opened) {
      // The first time, the layers drawn on the map; afterwards, what the user chose.
      for (const [layer, { input }] of layers.boxes) input.checked = isLayerVisible(map, layer);
      opened = true;
    }
    layers.describe();
    dates.describeMapDates();
    followMapDates();
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
    texts.apply();
    close.setAttribute('aria-label', t('export.close'));
    close.title = t('export.close');
    footer.translate();
  };
  translate();
  onLangChange(translate);
  footer.setDownload(null);

  return { open, choices };
}
