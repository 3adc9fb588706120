/**
 * Recording an incident from the map: "Report an incident" asks for a click where it
 * happened (or, from the keyboard, Space with the place under the map's centre), then the
 * form; saving sends `POST /api/incidents`. An incident's popup has a button that opens the
 * same form filled in, and saving then sends `PATCH /api/incidents/:id`. The server's
 * refusals are shown in the form in words, on the fields they concern.
 */
import type { Point, Position } from 'geojson';
import type { GeoJSONSource, LayerSpecification, Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import { ApiError, type LayerFeature } from '../../shared/api.js';
import { el } from '../../shared/dom.js';
import { fieldLabel } from '../../shared/field-labels.js';
import { localize, onLangChange, t } from '../messages.js';
import { createIncident, updateIncident, type IncidentProperties } from './incident-api.js';
import { createIncidentForm } from './incident-form.js';
import { COLOURS } from '../../shared/palette.js';
import { readRefusal } from '../../shared/server-message.js';

/** The same JSON value, whatever the order of an object's keys (jsonb orders them its own way). */
function sameJson(a: unknown, b: unknown): boolean {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value !== null && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).sort(([x], [y]) => x.localeCompare(y)).map(([k, v]) => [k, canonical(v)]))
        : value;
  return JSON.stringify(canonical(a ?? null)) === JSON.stringify(canonical(b ?? null));
}

/**
 * What a change sends: only the properties that differ from the record as the map read it.
 * A property the record did not carry (a narrower sharing profile) is never sent, so that a
 * field the editor could not see is never overwritten with the form's empty value.
 */
function changedProperties(record: LayerFeature, properties: IncidentProperties): Partial<IncidentProperties> {
  return Object.fromEntries(
    Object.entries(properties).filter(([key, value]) => key in record.properties && !sameJson(record.properties[key], value)),
  ) as Partial<IncidentProperties>;
}

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

const DRAFT = 'incident-draft';
/** A ring around the point, in no colour an incident or a presence has on the map. */
const DRAFT_LAYERS: LayerSpecification[] = [
  { id: 'incident-draft-ring', type: 'circle', source: DRAFT, paint: { 'circle-radius': 11, 'circle-opacity': 0, 'circle-stroke-color': COLOURS.blue, 'circle-stroke-width': 3.5 } },
  { id: 'incident-draft-dot', type: 'circle', source: DRAFT, paint: { 'circle-radius': 3.5, 'circle-color': COLOURS.ink, 'circle-stroke-color': COLOURS.white, 'circle-stroke-width': 1 } },
];

export function createIncidentEditor(container: HTMLElement, map: MapLibreMap, options: IncidentEditorOptions): IncidentEditor {
  map.addSource(DRAFT, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  for (const layer of DRAFT_LAYERS) map.addLayer(layer);
  const form = createIncidentForm(container);
  // Shown to editors only, once the server has said who is calling.
  let allowed = false;
  container.hidden = true;
  void options.mayEdit.then((may) => {
    allowed = may;
    container.hidden = !may;
  });
  const canvas = map.getCanvas();
  const crosshair = el('div', 'draw-crosshair');
  crosshair.setAttribute('aria-hidden', 'true');
  crosshair.hidden = true;
  map.getContainer().append(crosshair);

  let open = false;
  let placing = false;
  /** The incident being changed, null for a new one. */
  let editing: LayerFeature | null = null;
  /** Its position as the form first showed it (rounded): a change of it is a move. */
  let shownAt: [number, number] | null = null;

  function showPoint(position: Position | null): void {
    const features = position ? [{ type: 'Feature' as const, geometry: { type: 'Point' as const, coordinates: position }, properties: {} }] : [];
    map.getSource<GeoJSONSource>(DRAFT)!.setData({ type: 'FeatureCollection', features });
    form.progress.textContent = position ? form.positionText(position as [number, number]) : open ? t('incidentEditor.clickMap') : '';
  }

  function setPlacing(on: boolean): void {
    placing = on;
    canvas.style.cursor = on ? 'crosshair' : '';
    crosshair.hidden = !on;
    canvas.setAttribute('aria-label', on ? t('incidentEditor.mapLabel') : t('map.label'));
    if (on) {
      form.progress.textContent = t('incidentEditor.clickMap');
      canvas.focus();
    }
  }

  function opening(record: LayerFeature | null): void {
    options.onStart();
    open = true;
    editing = record;
    form.reset(options.asOfDate());
    form.setMode(record?.id ?? null);
    form.message.textContent = '';
    form.setError(null);
    form.form.hidden = false;
    form.start.disabled = true;
    form.start.setAttribute('aria-expanded', 'true');
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
    form.form.hidden = true;
    form.start.disabled = false;
    form.start.setAttribute('aria-expanded', 'false');
    form.setError(null);
    if (focusStart) form.start.focus();
  }

  function placeAt(position: [number, number]): void {
    form.setPosition(position);
    form.setPlaced(true);
    setPlacing(false);
    showPoint(position);
    form.controls.occurred_on.focus();
  }

  /** The form's name for where the server found fault: a property's label, or longitude / latitude. */
  function label(field: string, rest: string): string | undefined {
    if (field === 'geometry') return rest === '/coordinates/0' ? t('incidentEditor.lon') : rest === '/coordinates/1' ? t('incidentEditor.lat') : t('incidentEditor.where');
    const known = fieldLabel(field);
    return known ? localize(known) : undefined;
  }

  function showRefusal(error: unknown): void {
    if (!(error instanceof ApiError)) {
      form.setError(t('editor.apiError', { message: error instanceof Error ? error.message : String(error) }));
      return;
    }
    const refusal = readRefusal(error.detail, label);
    form.setError(t('editor.apiError', { message: refusal.text }));
    // The server's own words too, for whoever is asked for help.
    if (refusal.text !== error.detail) form.error.append(el('span', 'editor-error-detail', t('incidentEditor.serverSaid', { message: error.detail })));
    const marked = refusal.fields.map((field) => (field === 'geometry' ? form.controls.lon : form.markInvalid(field))).filter((c) => c !== undefined);
    marked[0]?.focus();
  }

  async function save(): Promise<void> {
    const reading = form.read();
    if (!reading.ok) {
      form.setError(reading.message);
      reading.field.focus();
      return;
    }
    const position = form.position()!;
    const geometry: Point = { type: 'Point', coordinates: position };
    const record = editing;
    form.setError(null);
    form.save.disabled = true;
    try {
      let saved: LayerFeature;
      if (record) {
        const moved = !shownAt || shownAt[0] !== position[0] || shownAt[1] !== position[1];
        const changes = changedProperties(record, reading.properties);
        if (!moved && Object.keys(changes).length === 0) {
          stop(true);
          form.message.textContent = t('incidentEditor.unchanged', { id: record.id });
          return;
        }
        saved = await updateIncident(record.id, changes, moved ? geometry : undefined);
      } else {
        saved = await createIncident(geometry, reading.properties);
      }
      stop(true);
      const date = options.asOfDate();
      const done = t(record ? 'incidentEditor.updated' : 'incidentEditor.saved', { id: saved.id });
      // The map shows what had happened by its date: an incident after it is saved but not drawn.
      form.message.textContent = reading.properties.occurred_on > date ? `${done} ${t('incidentEditor.afterDate', { date })}` : done;
      await options.onSaved(saved.id);
    } catch (error) {
      showRefusal(error);
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
