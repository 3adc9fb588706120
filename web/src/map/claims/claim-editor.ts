/**
 * Drawing a new claim: vertices placed by clicking the map (or from the keyboard, or typed as
 * GeoJSON), a live preview of the claims of other cooperatives it would overlap, the
 * server's check beside it, then saving. The point is to see a dispute before it is on record.
 * The ring is drawn-ring.ts, the map's drawing mode draw-mode.ts and its clicks and keys
 * draw-input.ts, what is sent claim-requests.ts and the server's check overlap-check.ts;
 * here they are tied to the form.
 */
import type { Position } from 'geojson';
import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import { fetchLayer, type LayerFeature } from '../../shared/api.js';
import { boundsOf } from '../../shared/extent.js';
import { isIsoDate } from '../../shared/iso-dates.js';
import { onLangChange, t } from '../messages.js';
import { saveClaim } from './claim-api.js';
import { CoordinateError, parseRing } from './claim-coordinates.js';
import { createClaimForm, type ClaimForm } from './claim-form.js';
import { apiMessage, chosenCooperative, claimToSave, overlapCheck } from './claim-requests.js';
import { drawInput } from './draw-input.js';
import { createDrawMode } from './draw-mode.js';
import { addDraftLayer, setDraft } from './draft-layer.js';
import { createDrawnRing, type DrawnRing } from './drawn-ring.js';
import { createOverlapCheck } from './overlap-check.js';
import { previewOverlaps } from './overlap-preview.js';
import { renderOverlapTable, type PreviewState } from './overlap-table.js';

export interface ClaimEditorOptions {
  /** The map's as-of date: the new claim's start unless the user says otherwise. */
  asOfDate(): string;
  /** Called as drawing starts, for the page to close what would get in the way (popups). */
  onStart(): void;
  /** Reloads what the new claim changes: the layers and the contested zones. */
  onSaved(id: number): Promise<void>;
}

export interface ClaimEditor {
  /** Takes a map click while vertices are being placed; says whether it did. */
  handleClick(event: MapMouseEvent): boolean;
  /** Takes a key pressed on the map while vertices are being placed; says whether it did. */
  handleMapKey(event: KeyboardEvent): boolean;
}

/** The overlaps worked out in the page from the claims loaded, as the ring stands. */
function localPreview(ring: DrawnRing, form: ClaimForm, claims: LayerFeature[], asOfDate: string): PreviewState {
  if (!ring.isPolygon) return { kind: 'none' };
  try {
    const validFrom = isIsoDate(form.validFrom.value) ? form.validFrom.value : asOfDate;
    return { kind: 'ready', report: previewOverlaps(ring.polygon(), claims, { cooperativeId: chosenCooperative(form), validFrom }) };
  } catch (error) {
    return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
  }
}

/** The message a typed ring that cannot be read leaves under the paste field. */
function pasteProblem(error: unknown): string {
  return t('editor.pasteInvalid', {
    message: error instanceof CoordinateError ? t(error.key, error.params) : error instanceof Error ? error.message : String(error),
  });
}

export function createClaimEditor(container: HTMLElement, map: MapLibreMap, options: ClaimEditorOptions): ClaimEditor {
  addDraftLayer(map);
  const form = createClaimForm(container);
  const drawMode = createDrawMode(map);
  const ring = createDrawnRing();

  let open = false;
  let claims: LayerFeature[] = [];
  let preview: PreviewState = { kind: 'none' };
  const check = createOverlapCheck({ onChange: () => render(), onError: (error) => form.setError(apiMessage(error)) });

  const placing = () => open && !ring.closed;

  /** Any change to the draft makes the server's last answer stale: it is dropped, not kept beside a new preview. */
  function changed(): void {
    check.drop();
    setDraft(map, ring.vertices, ring.closed);
    preview = localPreview(ring, form, claims, options.asOfDate());
    render();
  }

  function render(): void {
    const count = ring.vertices.length;
    form.progress.textContent = open ? (ring.closed ? t('editor.closed', { count }) : t('editor.vertices', { count })) : '';
    form.undo.disabled = count === 0;
    form.finish.disabled = !placing() || !ring.isPolygon;
    form.check.disabled = !ring.isPolygon || check.state.kind === 'pending';
    renderOverlapTable(form.overlaps, preview, check.state);
  }

  async function start(): Promise<void> {
    options.onStart();
    open = true;
    ring.clear();
    form.open(options.asOfDate());
    drawMode.set(true);
    changed();
    map.getCanvas().focus();
    try {
      // Every period, not only the map's date: the new claim may start on another day.
      const [cooperatives, allClaims] = await Promise.all([fetchLayer('cooperatives', null), fetchLayer('claims', null)]);
      form.setCooperatives(cooperatives.features);
      claims = allClaims.features;
      if (open) changed();
    } catch (error) {
      form.setError(error instanceof Error ? error.message : String(error));
    }
  }

  function stop(options: { focusStart: boolean }): void {
    check.drop();
    open = false;
    ring.clear();
    preview = { kind: 'none' };
    setDraft(map, ring.vertices, ring.closed);
    drawMode.set(false);
    form.close();
    render();
    if (options.focusStart) form.start.focus();
  }

  function finish(): void {
    if (!placing() || !ring.isPolygon) return;
    ring.close();
    drawMode.set(false);
    changed();
    form.cooperative.focus();
  }

  function undo(): void {
    if (ring.vertices.length === 0) return;
    if (ring.undo()) drawMode.set(true);
    changed();
  }

  function addVertex(position: Position): void {
    ring.add(position);
    changed();
  }

  function applyPasted(): void {
    try {
      ring.replace(parseRing(form.pasteInput.value));
      form.pasteError.hidden = true;
      drawMode.set(false);
      changed();
      const bounds = boundsOf([ring.polygon()]);
      if (bounds) map.fitBounds(bounds, { padding: 80, maxZoom: 15 });
    } catch (error) {
      form.pasteError.hidden = false;
      form.pasteError.textContent = pasteProblem(error);
    }
  }

  async function runCheck(): Promise<void> {
    if (!ring.isPolygon) return form.setError(t('editor.needPolygon'));
    form.setError(null);
    await check.run(overlapCheck(form, ring));
  }

  async function runSave(): Promise<void> {
    const toSave = claimToSave(form, ring);
    if (!toSave.ok) return form.setError(t(toSave.key));
    form.setError(null);
    form.save.disabled = true;
    form.save.textContent = t('editor.saving');
    try {
      const saved = await saveClaim(toSave.claim);
      stop({ focusStart: true });
      form.message.textContent = t('editor.saved', { id: saved.id });
      await options.onSaved(saved.id);
    } catch (error) {
      form.setError(apiMessage(error));
    } finally {
      form.save.disabled = false;
      form.save.textContent = t('editor.save');
    }
  }

  form.start.addEventListener('click', () => void start());
  form.undo.addEventListener('click', undo);
  form.finish.addEventListener('click', finish);
  form.cancel.addEventListener('click', () => stop({ focusStart: true }));
  form.pasteApply.addEventListener('click', applyPasted);
  form.check.addEventListener('click', () => void runCheck());
  form.save.addEventListener('click', () => void runSave());
  form.cooperative.addEventListener('change', changed);
  form.validFrom.addEventListener('change', changed);
  document.addEventListener('keydown', (event) => {
    if (open && event.key === 'Escape' && !event.defaultPrevented) {
      event.preventDefault();
      stop({ focusStart: true });
    }
  });
  onLangChange(() => {
    if (placing()) drawMode.relabel();
    render();
  });
  render();

  return drawInput(map, { placing, vertices: () => ring.vertices, add: addVertex, undo, finish });
}
