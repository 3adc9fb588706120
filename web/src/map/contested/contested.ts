/**
 * Contested zones as one feature of the page: fetches them for the date, draws them, lists
 * them and opens a zone's details from the list or from the map, keeping the three in step.
 */
import type { Map as MapLibreMap, PointLike } from 'maplibre-gl';
import type { Area } from '../analysis-area.js';
import { fetchContested, type ContestedZone } from './contested-api.js';
import { createContestedDetails } from './contested-details.js';
import { contestedIdAt, fitContested, highlightContested, setContestedData } from './contested-layer.js';
import { createContestedList } from './contested-list.js';

export interface Contested {
  /**
   * Fetches and shows the zones of `date` (only those of `area` when given); resolves with how
   * many there are. `answer`: the same request, already sent.
   */
  load(date: string, signal: AbortSignal, area?: Area, answer?: Promise<ContestedZone[]>): Promise<number>;
  /** Shows no zone and asks the user to zoom in to `minZoom`: the view is too wide to analyse. */
  askZoomIn(date: string, minZoom: number): void;
  /** Opens the details of the zone drawn at a pixel, if any; says whether there was one. */
  selectAt(point: PointLike, options: { fit: boolean }): boolean;
  /** The zone drawn at a pixel, if any. */
  zoneAt(point: PointLike): ContestedZone | undefined;
}

/** What the rest of the page may follow. */
export interface ContestedHooks {
  /** How many zones the date has, once known; 'loading' while they are fetched, 'error' when the analysis failed. */
  onCount?(date: string, count: number | 'loading' | 'error'): void;
  /** A zone was chosen in the list: called before the map moves to it, so the map can be given its room first. */
  onListOpen?(): void;
}

/** Zone ids are ranks within one answer; the same dispute on another date is the same set of claims. */
const claimKey = (zone: ContestedZone) =>
  zone.properties.claimants
    .map((c) => c.claim_id)
    .sort((a, b) => a - b)
    .join(',');

export function createContested(map: MapLibreMap, containers: { list: HTMLElement; details: HTMLElement }, hooks: ContestedHooks = {}): Contested {
  let zones: ContestedZone[] = [];
  const details = createContestedDetails(containers.details, {
    onClose(id) {
      select(null);
      list.focusRow(id);
    },
    onZoom(id) {
      const zone = zones.find((z) => z.id === id);
      if (zone) fitContested(map, zone, { onlyIfNeeded: false });
    },
  });
  const list = createContestedList(containers.list, containers.details.id, (id) => open(id, { from: 'list' }));

  function select(zone: ContestedZone | null): void {
    highlightContested(map, zone?.id ?? null);
    list.setSelected(zone?.id ?? null);
  }

  function open(id: number, options: { from: 'list' } | { from: 'map'; fit: boolean }): void {
    const zone = zones.find((z) => z.id === id);
    if (!zone) return;
    select(zone);
    // From the map the user's eyes and focus are there (and maybe on a popup): leave the focus.
    details.show(zone, { focus: options.from === 'list' });
    if (options.from === 'list') {
      hooks.onListOpen?.();
      fitContested(map, zone, { onlyIfNeeded: false });
    } else if (options.fit) fitContested(map, zone, { onlyIfNeeded: true });
  }

  return {
    async load(date, signal, area, answer) {
      list.set({ kind: 'loading' });
      hooks.onCount?.(date, 'loading');
      try {
        const next = await (answer ?? fetchContested(date, signal, area));
        if (signal.aborted) return 0;
        const previous = zones.find((z) => z.id === details.zoneId);
        zones = next;
        setContestedData(map, zones);
        list.set({ kind: 'ready', date, zones, inView: area !== undefined });
        hooks.onCount?.(date, zones.length);
        const same = previous && zones.find((z) => claimKey(z) === claimKey(previous));
        if (same) {
          select(same);
          details.show(same, { focus: false });
        } else {
          select(null);
          details.hide();
        }
        return zones.length;
      } catch (error) {
        if (signal.aborted) return 0;
        // The other layers still load: a failed analysis must not blank the map.
        zones = [];
        setContestedData(map, zones);
        select(null);
        details.hide();
        list.set({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
        hooks.onCount?.(date, 'error');
        console.error(error);
        return 0;
      }
    },
    askZoomIn(date, minZoom) {
      zones = [];
      setContestedData(map, zones);
      select(null);
      details.hide();
      list.set({ kind: 'zoom-in', minZoom });
      hooks.onCount?.(date, 0);
    },
    selectAt(point, options) {
      const id = contestedIdAt(map, point);
      if (id === undefined) return false;
      open(id, { from: 'map', fit: options.fit });
      return true;
    },
    zoneAt(point) {
      const id = contestedIdAt(map, point);
      return zones.find((z) => z.id === id);
    },
  };
}
