/**
 * Drawing a new claim: vertices placed by clicking the map (or from the keyboard, or typed as
 * GeoJSON), a live preview of the claims of other cooperatives it would overlap, the
 * server's check beside it, then saving. The point is to see a dispute before it is on record.
 */
import type { Polygon, Position } from 'geojson';
import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import { ApiError, fetchLayer, type LayerFeature } from '../../shared/api.js';
import { checkClaimOverlaps, saveClaim } from './claim-api.js';
import { CoordinateError, parseRing } from './claim-coordinates.js';
import { createClaimForm } from './claim-form.js';
import { isIsoDate } from '../date-control.js';
import { addDraftLayer, setDraft } from './draft-layer.js';
import { boundsOf } from '../../shared/extent.js';
import { onLangChange, t } from '../messages.js';
import { previewOverlaps } from './overlap-preview.js';
import { renderOverlapTable, type PreviewState, type ServerState } from './overlap-table.js';

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

/** A click this close to the first vertex, in pixels, closes the polygon. */
const CLOSE_PX = 10;

export function createClaimEditor(container: HTMLElement, map: MapLibreMap, options: ClaimEditorOptions): ClaimEditor {
  addDraftLayer(map);
  const form = createClaimForm(container);
  const canvas = map.getCanvas();
  const crosshair = document.createElement('div');
  crosshair.className = 'draw-crosshair';
  crosshair.setAttribute('aria-hidden', 'true');
  crosshair.hidden = true;
  map.getContainer().append(crosshair);

  let open = false;
  let vertices: Position[] = [];
  let closed = false;
  let claims: LayerFeature[] = [];
  let preview: PreviewState = { kind: 'none' };
  let server: ServerState = { kind: 'none' };
  let check: AbortController | null = null;

  const placing = () => open && !closed;
  const polygon = (): Polygon => ({ type: 'Polygon', coordinates: [[...vertices, vertices[0]!]] });
  const cooperativeId = () => (form.cooperative.value ? Number(form.cooperative.value) : undefined);

  function progressText(): string {
    return closed ? t('editor.closed', { count: vertices.length }) : t('editor.vertices', { count: vertices.length });
  }

  function computePreview(): PreviewState {
    if (vertices.length < 3) return { kind: 'none' };
    try {
      const validFrom = isIsoDate(form.validFrom.value) ? form.validFrom.value : options.asOfDate();
      return { kind: 'ready', report: previewOverlaps(polygon(), claims, { cooperativeId: cooperativeId(), validFrom }) };
    } catch (error) {
      return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
    }
  }

  /** Any change to the draft makes the server's last answer stale: it is dropped, not kept beside a new preview. */
  function changed(): void {
    check?.abort();
    server = { kind: 'none' };
    setDraft(map, vertices, closed);
    preview = computePreview();
    render();
  }

  function render(): void {
    form.progress.textContent = open ? progressText() : '';
    form.undo.disabled = vertices.length === 0;
    form.finish.disabled = !placing() || vertices.length < 3;
    form.check.disabled = vertices.length < 3 || server.kind === 'pending';
    renderOverlapTable(form.overlaps, preview, server);
  }

  function setPlacing(on: boolean): void {
    canvas.style.cursor = on ? 'crosshair' : '';
    crosshair.hidden = !on;
    // A double click would add two vertices and zoom: while drawing, it only adds them.
    if (on) map.doubleClickZoom.disable();
    else map.doubleClickZoom.enable();
    canvas.setAttribute('aria-label', on ? t('editor.mapLabel') : t('map.label'));
  }

  async function start(): Promise<void> {
    options.onStart();
    open = true;
    vertices = [];
    closed = false;
    form.form.hidden = false;
    form.start.setAttribute('aria-expanded', 'true');
    form.start.disabled = true;
    form.message.textContent = '';
    form.setError(null);
    if (!isIsoDate(form.validFrom.value)) form.validFrom.value = options.asOfDate();
    setPlacing(true);
    changed();
    canvas.focus();
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
    check?.abort();
    open = false;
    vertices = [];
    closed = false;
    preview = { kind: 'none' };
    server = { kind: 'none' };
    setDraft(map, vertices, closed);
    setPlacing(false);
    form.form.hidden = true;
    form.start.disabled = false;
    form.start.setAttribute('aria-expanded', 'false');
    form.name.value = '';
    form.pasteInput.value = '';
    form.setError(null);
    render();
    if (options.focusStart) form.start.focus();
  }

  function finish(): void {
    if (!placing() || vertices.length < 3) return;
    closed = true;
    setPlacing(false);
    changed();
    form.cooperative.focus();
  }

  function undo(): void {
    if (vertices.length === 0) return;
    vertices = vertices.slice(0, -1);
    // Taking a vertex off a closed polygon reopens it for more.
    if (closed) {
      closed = false;
      setPlacing(true);
    }
    changed();
  }

  function addVertex(position: Position): void {
    vertices = [...vertices, position];
    changed();
  }

  function applyPasted(): void {
    try {
      vertices = parseRing(form.pasteInput.value);
      closed = true;
      form.pasteError.hidden = true;
      setPlacing(false);
      changed();
      const bounds = boundsOf([polygon()]);
      if (bounds) map.fitBounds(bounds, { padding: 80, maxZoom: 15 });
    } catch (error) {
      form.pasteError.hidden = false;
      form.pasteError.textContent = t('editor.pasteInvalid', {
        message: error instanceof CoordinateError ? t(error.key, error.params) : error instanceof Error ? error.message : String(error),
      });
    }
  }

  function apiMessage(error: unknown): string {
    return t('editor.apiError', { message: error instanceof ApiError ? error.detail : error instanceof Error ? error.message : String(error) });
  }

  async function runCheck(): Promise<void> {
    if (vertices.length < 3) return form.setError(t('editor.needPolygon'));
    form.setError(null);
    check?.abort();
    const controller = new AbortController();
    check = controller;
    server = { kind: 'pending' };
    render();
    try {
      const validFrom = isIsoDate(form.validFrom.value) ? form.validFrom.value : undefined;
      const report = await checkClaimOverlaps({ geometry: polygon(), cooperative_id: cooperativeId(), valid_from: validFrom }, controller.signal);
      server = { kind: 'ready', report };
    } catch (error) {
      if (controller.signal.aborted) return;
      server = { kind: 'none' };
      form.setError(apiMessage(error));
    }
    render();
  }

  async function runSave(): Promise<void> {
    if (vertices.length < 3) return form.setError(t('editor.needPolygon'));
    const cooperative = cooperativeId();
    if (cooperative === undefined || !form.basis.value || !isIsoDate(form.validFrom.value)) return form.setError(t('editor.needFields'));
    form.setError(null);
    form.save.disabled = true;
    form.save.textContent = t('editor.saving');
    try {
      const name = form.name.value.trim();
      const saved = await saveClaim({ geometry: polygon(), cooperative_id: cooperative, basis: form.basis.value, valid_from: form.validFrom.value, ...(name ? { name } : {}) });
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
    if (placing()) canvas.setAttribute('aria-label', t('editor.mapLabel'));
    render();
  });
  render();

  return {
    handleClick(event) {
      if (!placing()) return false;
      const first = vertices[0];
      if (first && vertices.length >= 3) {
        const pixel = map.project(first as [number, number]);
        if (Math.hypot(pixel.x - event.point.x, pixel.y - event.point.y) <= CLOSE_PX) {
          finish();
          return true;
        }
      }
      addVertex([event.lngLat.lng, event.lngLat.lat]);
      return true;
    },
    handleMapKey(event) {
      if (!placing()) return false;
      if (event.key === ' ') {
        const centre = map.getCenter();
        addVertex([centre.lng, centre.lat]);
      } else if (event.key === 'Backspace') {
        undo();
      } else if (event.key === 'Enter') {
        finish();
      } else {
        return false;
      }
      event.preventDefault();
      return true;
    },
  };
}
