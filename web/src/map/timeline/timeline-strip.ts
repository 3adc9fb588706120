/**
 * The strip along the map (issue 14): ten years, month by month, of what the map flags in the
 * area in view (contested zones, militarised road kilometres, sites with current armed
 * presence, incidents), so that the story of a place shows at a glance. A month is one button
 * in one tab stop (the arrow keys move between months): choosing it moves the page's date to
 * that month's last day; "Go to the peak" gets there in one click; Play steps through the
 * months, waiting for the map to draw each before the next.
 */
import { el } from '../../shared/dom.js';
import { ApiError } from '../../shared/api.js';
import { formatNumber, getLang, onLangChange, t } from '../messages.js';
import { TIMELINE_ROWS, peakMonth, rowMaxima } from './month-peak.js';
import { fetchTimeline, type Timeline, type TimelineMonth } from './timeline-api.js';

/** How long a month stays on screen during Play once the map has drawn it. */
const PLAY_STEP_MS = 900;

export interface TimelineStripOptions {
  /** Moves the page to a date; resolves once the map shows it. */
  pick(date: string): Promise<void>;
}

export interface TimelineStrip {
  /** Counts the ten years up to `to` over `area`; a newer call supersedes an older one. */
  load(to: string, area: readonly number[]): Promise<void>;
  /** The view is too wide to count at province scale: says to zoom in instead. */
  askZoomIn(minZoom: number): void;
  /** Marks the month of the date the page shows. */
  setDate(date: string): void;
}

type State = { kind: 'loading' } | { kind: 'ready'; timeline: Timeline } | { kind: 'error'; message: string } | { kind: 'zoom-in'; zoom: number };

export function createTimelineStrip(container: HTMLElement, options: TimelineStripOptions): TimelineStrip {
  container.setAttribute('role', 'region');
  const heading = el('h2', 'timeline-title');
  heading.id = 'timeline-title';
  container.setAttribute('aria-labelledby', heading.id);
  const peak = el('button', 'timeline-peak');
  peak.type = 'button';
  const play = el('button', 'timeline-play');
  play.type = 'button';
  // In the bar's own line, like the buttons: the strip keeps one height whatever it says, so the
  // map above it never resizes (a resize stops the map's camera mid-flight).
  const message = el('p', 'timeline-message');
  message.setAttribute('role', 'status');
  const bar = el('div', 'timeline-bar');
  bar.append(heading, peak, play, message);
  const labels = el('div', 'timeline-labels');
  labels.setAttribute('aria-hidden', 'true');
  const months = el('div', 'timeline-months');
  months.setAttribute('role', 'group');
  months.setAttribute('aria-labelledby', heading.id);
  const years = el('div', 'timeline-years');
  years.setAttribute('aria-hidden', 'true');
  const grid = el('div', 'timeline-grid');
  grid.append(labels, months, el('span'), years);
  // For screen readers (the months' description); on screen the row labels and the shades say it, and the map keeps its height.
  const help = el('p', 'visually-hidden');
  help.id = 'timeline-help';
  months.setAttribute('aria-describedby', help.id);
  container.append(bar, grid, help);

  let state: State = { kind: 'loading' };
  let shownDate: string | null = null;
  let focusIndex = -1;
  let load: AbortController | null = null;
  let playing = false;

  const monthName = (month: string) =>
    new Intl.DateTimeFormat(getLang() === 'fr' ? 'fr-FR' : 'en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${month}-01T00:00:00Z`),
    );

  function describe(m: TimelineMonth): string {
    return t('timeline.month', {
      month: monthName(m.month),
      contested: m.contested,
      km: formatNumber(m.militarised_km, 1),
      sites: m.armed_sites,
      incidents: m.incidents,
    });
  }

  function monthButtons(): HTMLButtonElement[] {
    return [...months.querySelectorAll<HTMLButtonElement>('button')];
  }

  /** One tab stop for the whole strip: the chosen month, else the page's month, else the last. */
  function setFocusable(index: number): void {
    const buttons = monthButtons();
    focusIndex = Math.max(0, Math.min(buttons.length - 1, index));
    buttons.forEach((b, i) => (b.tabIndex = i === focusIndex ? 0 : -1));
  }

  function markShown(): void {
    const buttons = monthButtons();
    let shownIndex = -1;
    buttons.forEach((b, i) => {
      const current = shownDate !== null && b.dataset.month === shownDate.slice(0, 7);
      if (current) {
        b.setAttribute('aria-current', 'date');
        shownIndex = i;
      } else b.removeAttribute('aria-current');
    });
    if (focusIndex < 0 || !buttons[focusIndex]?.matches(':focus')) setFocusable(shownIndex >= 0 ? shownIndex : buttons.length - 1);
  }

  function renderMonths(timeline: Timeline): void {
    const max = rowMaxima(timeline.months);
    months.replaceChildren(
      ...timeline.months.map((m) => {
        const button = el('button', 'timeline-month');
        button.type = 'button';
        button.dataset.month = m.month;
        button.dataset.date = m.date;
        button.setAttribute('aria-label', describe(m));
        button.title = describe(m);
        for (const row of TIMELINE_ROWS) {
          const cell = el('span', `timeline-cell timeline-cell-${row}`);
          // A share of the row's largest value, never so faint that a single record disappears.
          const share = m[row] > 0 ? 0.2 + 0.8 * (m[row] / max[row]) : 0;
          cell.style.setProperty('--share', share.toFixed(3));
          if (m[row] > 0) cell.dataset.some = '';
          button.append(cell);
        }
        return button;
      }),
    );
    years.replaceChildren(
      ...timeline.months.map((m) => el('span', 'timeline-year', m.month.endsWith('-01') || m === timeline.months[0] ? m.month.slice(0, 4) : '')),
    );
    markShown();
  }

  function render(): void {
    heading.textContent = t('timeline.title');
    help.textContent = t('timeline.help');
    heading.title = t('timeline.help');
    labels.replaceChildren(...TIMELINE_ROWS.map((row) => el('span', `timeline-label timeline-label-${row}`, t(`timeline.row.${row}`))));
    play.textContent = playing ? `❚❚ ${t('timeline.pause')}` : `▶ ${t('timeline.play')}`;
    play.setAttribute('aria-pressed', String(playing));
    const ready = state.kind === 'ready';
    // The months stay while the next answer is worked out (dimmed); the grid keeps its height, empty or not.
    grid.classList.toggle('is-stale', !ready);
    play.disabled = !ready;
    const top = state.kind === 'ready' ? peakMonth(state.timeline.months) : null;
    peak.hidden = !top;
    if (top) {
      peak.textContent = t('timeline.peak', { month: monthName(top.month) });
      peak.dataset.date = top.date;
    }
    message.textContent =
      state.kind === 'loading'
        ? t('timeline.loading')
        : state.kind === 'error'
          ? t('timeline.error', { message: state.message })
          : state.kind === 'zoom-in'
            ? t('timeline.zoomIn', { zoom: state.zoom })
            : top
              ? ''
              : t('timeline.noPeak');
    message.hidden = message.textContent === '';
    // Cut to the bar's line on a narrow screen: the whole sentence on hover.
    message.title = message.textContent;
  }

  /** The controls and the months: on a new answer and on a language switch (the months' names change). */
  function renderAll(): void {
    render();
    if (state.kind === 'ready') renderMonths(state.timeline);
  }

  async function choose(date: string): Promise<void> {
    shownDate = date;
    markShown();
    await options.pick(date);
  }

  months.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button.timeline-month');
    if (!button) return;
    setFocusable(monthButtons().indexOf(button));
    stop();
    void choose(button.dataset.date!);
  });
  months.addEventListener('keydown', (event) => {
    const buttons = monthButtons();
    const moves: Record<string, number> = { ArrowLeft: focusIndex - 1, ArrowRight: focusIndex + 1, Home: 0, End: buttons.length - 1 };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    setFocusable(next);
    buttons[focusIndex]?.focus();
  });
  peak.addEventListener('click', () => {
    stop();
    void choose(peak.dataset.date!);
  });

  function stop(): void {
    if (!playing) return;
    playing = false;
    render();
  }

  /** Steps from the month shown (or the first, when it is the last or none) to the end, one drawn month at a time. */
  async function playFrom(): Promise<void> {
    const buttons = monthButtons();
    const shown = buttons.findIndex((b) => b.hasAttribute('aria-current'));
    let index = shown < 0 || shown === buttons.length - 1 ? 0 : shown + 1;
    while (playing && index < buttons.length) {
      await choose(buttons[index]!.dataset.date!);
      if (!playing) return;
      await new Promise((resolve) => setTimeout(resolve, PLAY_STEP_MS));
      index++;
    }
    stop();
  }
  play.addEventListener('click', () => {
    if (playing) return stop();
    playing = true;
    render();
    void playFrom();
  });

  onLangChange(renderAll);
  renderAll();

  return {
    async load(to, area) {
      load?.abort();
      const current = new AbortController();
      load = current;
      // What the strip counts, for whoever must check it (the browser test asks the API the same).
      container.dataset.area = area.join(',');
      state = { kind: 'loading' };
      render();
      try {
        const timeline = await fetchTimeline(to, area, current.signal);
        if (current.signal.aborted) return;
        state = { kind: 'ready', timeline };
      } catch (error) {
        if (current.signal.aborted) return;
        // The analyses are the working group's: a partner's page has no strip rather than an error.
        if (error instanceof ApiError && error.status === 403) {
          container.hidden = true;
          return;
        }
        state = { kind: 'error', message: error instanceof Error ? error.message : String(error) };
        // Another area's months would mislead beside the error.
        months.replaceChildren();
      }
      renderAll();
    },
    askZoomIn(zoom) {
      load?.abort();
      state = { kind: 'zoom-in', zoom };
      months.replaceChildren();
      renderAll();
    },
    setDate(date) {
      shownDate = date;
      markShown();
    },
  };
}
