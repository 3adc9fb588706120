/**
 * Recording an incident from the map: "Report an incident" asks for a click where it
 * happened (or, from the keyboard, Space with the place under the map's centre), then the
 * form; saving sends `POST /api/incidents`. An incident's popup has a button that opens the
 * same form filled in, and saving then sends `PATCH /api/incidents/:id`. The server's
 * refusals are shown in the form in words, on the fields they concern (incident-refusal.ts).
 * What is sent is incident-changes.ts; the point being placed incident-draft-point.ts.
 */
import type { Position } from 'geojson';
import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import type { LayerFeature } from '../../shared/api.js';
import { el } from '../../shared/dom.js';
import { onLangChange, t } from '../messages.js';
import { sendIncident } from './incident-changes.js';
import { addDraftPoint, setDraftPoint } from './incident-draft-point.js';
import { createIncidentForm } from './incident-form.js';
import { showRefusal } from './incident-refusal.js';
import { createPlacingCursor } from '../placing-cursor.js';

export interface IncidentEditorOptions {
  /**
   * Whether the caller may record incidents (editors and admins). The server decides on every
   * write; this only spares the others a form they could not save.
   */
  mayEdit: Promise<boolean>;
  /** The map's date: a new incident's date unless the user says otherwise. */
  asOfDate(): string;
  /** Called as the editor opens, for the page to close what would get in the way (popups). */
  onStart(): void;
  /** Reloads what the incident changes: the incidents, and the analyses that count them. */
  onSaved(id: number): Promise<void>;
}

export interface IncidentEditor {
  /** Takes a map click while the incident is being placed; says whether it did. */
  handleClick(event: MapMouseEvent): boolean;
  /** Takes a key pressed on the map while the incident is being placed; says whether it did. */
  handleMapKey(event: KeyboardEvent): boolean;
  /** The controls of an incident's popup: a button that opens it for changing, for those who may. */
  popupActions(record: LayerFeature): HTMLElement[];
}

/** What the editor says of a save. */
function savedMessage(updated: boolean, id: number, occurredOn: string, date: string): string {
  const done = t(updated ? 'incidentEditor.updated' : 'incidentEditor.saved', { id });
  // The map shows what had happened by its date: an incident after it is saved but not drawn.
  return occurredOn > date ? `${done} ${t('incidentEditor.afterDate', { date })}` : done;
}

export function createIncidentEditor(container: HTMLElement, map: MapLibreMap, options: IncidentEditorOptions): IncidentEditor {
  addDraftPoint(map);
  const form = createIncidentForm(container);
  // Shown to editors only, once the server has said who is calling.
  let allowed = false;
  container.hidden = true;
  void options.mayEdit.then((may) => {
    allowed = may;
    container.hidden = !may;
  });
  const canvas = map.getCanvas();
  const cursor = createPlacingCursor(map);

  let open = false;
  let placing = false;
  /** The incident being changed, null for a new one. */
  let editing: LayerFeature | null = null;
  /** Its position as the form first showed it (rounded): a change of it is a move. */
  let shownAt: [number, number] | null = null;

  function showPoint(position: Position | null): void {
    setDraftPoint(map, position);
    form.progress.textContent = position ? form.positionText(position as [number, number]) : open ? t('incidentEditor.clickMap') : '';
  }

  function setPlacing(on: boolean): void {
    placing = on;
    cursor.set(on, on ? t('incidentEditor.mapLabel') : t('map.label'));
    if (on) {
      form.progress.textContent = t('incidentEditor.clickMap');
      canvas.focus();
    }
  }

  function opening(record: LayerFeature | null): void {
    options.onStart();
    open = true;
    editing = record;
    form.open(record?.id ?? null, options.asOfDate());
  }

  function start(): void {
    opening(null);
    form.setPlaced(false);
    showPoint(null);
    setPlacing(true);
  }

  function edit(record: LayerFeature): void {
    opening(record);
    form.fill(record);
    const position = record.geometry?.type === 'Point' ? (record.geometry.coordinates as [number, number]) : null;
    if (position) form.setPosition(position);
    shownAt = form.position();
    form.setPlaced(position !== null);
    setPlacing(false);
    showPoint(position);
    form.controls.occurred_on.focus();
  }

  function stop(focusStart: boolean): void {
    open = false;
    editing = null;
    setPlacing(false);
    showPoint(null);
    form.close();
    if (focusStart) form.start.focus();
  }

  function placeAt(position: [number, number]): void {
    form.setPosition(position);
    form.setPlaced(true);
    setPlacing(false);
    showPoint(position);
    form.controls.occurred_on.focus();
  }

  async function save(): Promise<void> {
    const reading = form.read();
    if (!reading.ok) {
      form.setError(reading.message);
      reading.field.focus();
      return;
    }
    const position = form.position()!;
    const record = editing;
    form.setError(null);
    form.save.disabled = true;
    try {
      const saved = await sendIncident(record, shownAt, position, reading.properties);
      stop(true);
      if (!saved) {
        form.message.textContent = t('incidentEditor.unchanged', { id: record!.id });
        return;
      }
      form.message.textContent = savedMessage(record !== null, saved.id, reading.properties.occurred_on, options.asOfDate());
      await options.onSaved(saved.id);
    } catch (error) {
      showRefusal(form, error);
    } finally {
      form.save.disabled = false;
    }
  }

  form.start.addEventListener('click', start);
  form.place.addEventListener('click', () => setPlacing(true));
  form.cancel.addEventListener('click', () => stop(true));
  form.save.addEventListener('click', () => void save());
  for (const input of [form.controls.lon, form.controls.lat]) input.addEventListener('change', () => showPoint(form.position()));
  document.addEventListener('keydown', (event) => {
    if (open && event.key === 'Escape' && !event.defaultPrevented) {
      event.preventDefault();
      stop(true);
    }
  });
  onLangChange(() => {
    if (placing) canvas.setAttribute('aria-label', t('incidentEditor.mapLabel'));
    if (open) showPoint(form.position());
    if (placing) form.progress.textContent = t('incidentEditor.clickMap');
  });

  return {
    handleClick(event) {
      if (!placing) return false;
      placeAt([event.lngLat.lng, event.lngLat.lat]);
      return true;
    },
    handleMapKey(event) {
      if (!placing || (event.key !== ' ' && event.key !== 'Enter')) return false;
      event.preventDefault();
      const centre = map.getCenter();
      placeAt([centre.lng, centre.lat]);
      return true;
    },
    popupActions(record) {
      if (!allowed) return [];
      const button = el('button', 'popup-edit', t('incidentEditor.edit'));
      button.type = 'button';
      button.setAttribute('aria-controls', form.form.id);
      button.addEventListener('click', () => edit(record));
      return [button];
    },
  };
}
