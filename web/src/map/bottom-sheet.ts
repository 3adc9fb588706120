/**
 * On a phone the panel becomes a sheet over the bottom of the screen, so that the map can have
 * the screen: collapsed to a handle and one line (the date shown and how many contested zones
 * it has), at half height (the date and the contested list first), or over the whole map. A
 * button steps through the three (the arrow keys move one up or down), and the handle can be
 * dragged (sheet-drag.ts). On a wider screen none of this shows and the panel keeps its place beside the map.
 */
import { el } from '../shared/dom.js';
import { onLangChange, t, type MessageKey } from './messages.js';
import { followDrags } from './sheet-drag.js';

export type SheetState = 'collapsed' | 'half' | 'full';
const STATES: readonly SheetState[] = ['collapsed', 'half', 'full'];

/**
 * Where the phone layout starts; styles.css has the same width in its media queries. Screens
 * only: a page printed on A4 is no wider, and paper has no sheet to open.
 */
export const PHONE_MEDIA = 'screen and (max-width: 760px)';

/** What the button does from each state, which is what it says. */
const NEXT: Record<SheetState, { state: SheetState; label: MessageKey; arrow: string }> = {
  collapsed: { state: 'half', label: 'sheet.open', arrow: '▲' },
  half: { state: 'full', label: 'sheet.expand', arrow: '▲' },
  full: { state: 'collapsed', label: 'sheet.collapse', arrow: '▼' },
};

export type ContestedCount = number | 'loading' | 'error';

export interface BottomSheetOptions {
  /** Sections that open the sheet, in this order (the date, the contested zones…); the others follow in the page's order. */
  first: HTMLElement[];
  /** A strip that runs along the map's foot on a wider screen and follows the `first` sections in the sheet on a phone (the timeline). */
  along?: HTMLElement;
  /** The legend, which the sheet's bar reaches in one tap. */
  legend: HTMLElement;
  /** The map's container: the sheet makes way when the focus goes there. */
  map: HTMLElement;
  /** The map's room changed: it must take its new size before it is next moved. */
  onResize(): void;
}

export interface BottomSheet {
  readonly state: SheetState;
  /** The line under the handle: the date shown and how many contested zones it has. */
  setSummary(date: string, contested: ContestedCount): void;
  /** Brings a section to the top of the sheet at half height, the map above it in view (a zone just chosen must be seen). */
  showBesideMap(section: HTMLElement): void;
}

export function createBottomSheet(panel: HTMLElement, options: BottomSheetOptions): BottomSheet {
  const main = panel.parentElement!;
  const phone = matchMedia(PHONE_MEDIA);
  // The page's order, which a wider screen keeps.
  const original = [...panel.children] as HTMLElement[];

  const bar = el('div', 'sheet-bar');
  const toggle = el('button', 'sheet-toggle');
  toggle.type = 'button';
  toggle.setAttribute('aria-controls', panel.id);
  const arrow = el('span', 'sheet-arrow');
  arrow.setAttribute('aria-hidden', 'true');
  toggle.append(arrow);
  const summary = el('p', 'sheet-summary');
  const legendButton = el('button', 'sheet-legend');
  legendButton.type = 'button';
  bar.append(toggle, summary, legendButton);
  panel.prepend(bar);

  let state: SheetState = 'collapsed';
  let line: { date: string; contested: ContestedCount } | null = null;

  function render(): void {
    main.dataset.sheet = state;
    toggle.setAttribute('aria-expanded', String(state !== 'collapsed'));
    toggle.setAttribute('aria-label', t(NEXT[state].label));
    toggle.title = t(NEXT[state].label);
    arrow.textContent = NEXT[state].arrow;
    legendButton.textContent = t('sheet.legend');
    summary.textContent = summaryText();
  }

  function summaryText(): string {
    if (!line) return t('status.loading');
    const { date, contested } = line;
    if (contested === 'loading') return t('sheet.loading', { date });
    if (contested === 'error') return t('sheet.error', { date });
    return t('sheet.count', { date, count: contested });
  }

  function setState(next: SheetState): void {
    // The map gives up half the screen to the sheet, half or full; collapsed, only the bar.
    const resized = (state === 'collapsed') !== (next === 'collapsed');
    state = next;
    render();
    if (resized) options.onResize();
  }

  /** Scrolls a section to the top of the sheet, under its bar. */
  function scrollTo(section: HTMLElement): void {
    panel.scrollTop = section.offsetTop - bar.offsetHeight - 8;
  }

  /** Sections in the order a phone reads them: what the sheet opens on comes first. */
  function arrange(): void {
    const rest = original.filter((section) => !options.first.includes(section));
    const along = options.along ? [options.along] : [];
    if (phone.matches) panel.append(bar, ...options.first, ...along, ...rest);
    else {
      panel.append(bar, ...original);
      if (options.along) options.map.after(options.along);
    }
  }

  toggle.addEventListener('click', () => setState(NEXT[state].state));
  toggle.addEventListener('keydown', (event) => {
    const step = event.key === 'ArrowUp' ? 1 : event.key === 'ArrowDown' ? -1 : 0;
    const next = STATES[STATES.indexOf(state) + step];
    if (step === 0 || !next) return;
    event.preventDefault();
    setState(next);
  });
  legendButton.addEventListener('click', () => {
    if (state === 'collapsed') setState('half');
    scrollTo(options.legend);
  });

  // Dragged, the sheet settles on the state nearest to where it was let go.
  followDrags({ bar, panel, main }, phone, {
    onDrop(height) {
      const heights: Record<SheetState, number> = { collapsed: bar.offsetHeight, half: main.clientHeight / 2, full: main.clientHeight };
      setState(STATES.reduce((best, s) => (Math.abs(heights[s] - height) < Math.abs(heights[best] - height) ? s : best)));
    },
    onTap: () => toggle.click(),
  });

  // A keyboard user sent to the map (the skip link, Tab) must see it.
  options.map.addEventListener('focusin', () => {
    if (phone.matches && state === 'full') setState('half');
  });
  phone.addEventListener('change', () => {
    panel.style.height = '';
    arrange();
  });
  if (phone.matches) arrange();
  onLangChange(render);
  render();

  return {
    get state() {
      return state;
    },
    setSummary(date, contested) {
      line = { date, contested };
      summary.textContent = summaryText();
    },
    showBesideMap(section) {
      if (!phone.matches) return;
      if (state !== 'half') setState('half');
      scrollTo(section);
    },
  };
}
