/**
 * The panel's list of contested zones, most severe first. Each row is a real button (so Tab
 * and Enter reach it) that says the severity in words beside its marker, who claims the
 * ground and how much of it.
 */
import type { ContestedZone } from './contested-api.js';
import { ha } from './contested-reasons.js';
import { el } from '../../shared/dom.js';
import { onLangChange, t } from '../messages.js';
import { SEVERITY_STYLES, markerSymbol } from './severity.js';
import { symbolCanvas } from '../layers/symbols.js';

/** `inView`: the zones of the part of the map in view (analysis-area.ts), not of all the data. */
/** `zoom-in`: the view is too wide for the analysis at province scale (analysis-area.ts). */
type ListState =
  | { kind: 'loading' }
  | { kind: 'ready'; date: string; zones: ContestedZone[]; inView?: boolean }
  | { kind: 'zoom-in'; minZoom: number }
  | { kind: 'error'; message: string };

export interface ContestedList {
  set(state: ListState): void;
  /** Marks the row whose details are open (null: none). */
  setSelected(id: number | null): void;
  /** Puts the keyboard focus back on a zone's row, after its details close. */
  focusRow(id: number): void;
}

export function createContestedList(container: HTMLElement, detailsId: string, onSelect: (id: number) => void): ContestedList {
  const heading = el('h2', 'contested-heading');
  heading.id = 'contested-title';
  const title = el('span');
  const count = el('span', 'legend-count');
  heading.append(title, count);
  container.setAttribute('aria-labelledby', heading.id);
  const help = el('p', 'help');
  const list = el('ul', 'contested-list');
  // Read out when the list changes with the date, without moving the focus.
  const summary = el('p', 'contested-summary');
  summary.setAttribute('role', 'status');
  summary.setAttribute('aria-live', 'polite');
  container.append(heading, help, summary, list);

  let state: ListState = { kind: 'loading' };
  let selectedId: number | null = null;
  const rows = new Map<number, HTMLButtonElement>();

  function row(zone: ContestedZone): HTMLLIElement {
    const p = zone.properties;
    const button = el('button', 'contested-row');
    button.type = 'button';
    button.dataset.zoneId = String(zone.id);
    button.dataset.severity = p.severity;
    button.setAttribute('aria-controls', detailsId);
    const marker = el('span', 'contested-marker');
    marker.setAttribute('aria-hidden', 'true');
    marker.append(symbolCanvas(markerSymbol(p.severity), 24));
    const severity = el('span', 'contested-severity', t(SEVERITY_STYLES[p.severity].label));
    const names = [...new Map(p.claimants.map((c) => [c.cooperative_id, c.cooperative_name])).values()];
    const claimants = el('span', 'contested-claimants', names.join(t('contested.versus')));
    const area = el('span', 'contested-area', t('contested.area', { area: ha(p.area_ha) }));
    button.append(marker, severity, area, claimants);
    button.addEventListener('click', () => onSelect(zone.id));
    rows.set(zone.id, button);
    const li = el('li');
    li.append(button);
    return li;
  }

  function render(): void {
    title.textContent = t('contested.title');
    help.textContent = t('contested.help');
    container.dataset.state = state.kind;
    rows.clear();
    list.replaceChildren();
    count.hidden = state.kind !== 'ready';
    if (state.kind === 'loading') {
      summary.textContent = t('contested.loading');
    } else if (state.kind === 'zoom-in') {
      summary.textContent = t('contested.zoomIn', { zoom: state.minZoom });
    } else if (state.kind === 'error') {
      summary.textContent = t('contested.error', { message: state.message });
    } else {
      count.textContent = String(state.zones.length);
      const where = state.inView ? 'InView' : '';
      summary.textContent =
        state.zones.length === 0
          ? t(`contested.empty${where}`, { date: state.date })
          : t(`contested.count${where}`, { count: state.zones.length, date: state.date });
      list.append(...state.zones.map(row));
    }
    markSelected();
  }

  function markSelected(): void {
    for (const [id, button] of rows) button.setAttribute('aria-expanded', String(id === selectedId));
  }

  onLangChange(render);
  render();

  return {
    set(next) {
      state = next;
      render();
    },
    setSelected(id) {
      selectedId = id;
      markSelected();
    },
    focusRow(id) {
      rows.get(id)?.focus();
    },
  };
}
