/**
 * The legend: for each layer a real checkbox that shows or hides it, and what each colour,
 * dash and symbol means, in the current language. Swatches are drawn with the same colours,
 * dashes and symbols as the map.
 */
import { localize, onLangChange, t, type Localized, type MessageKey } from '../messages.js';
import { CONTESTED_OVERLAY, PERMIT_LINE, PERMIT_OVERLAY, PLACES_SOURCE, ROUTE_RISK_OVERLAY, STALE_GREY, type ToggleableLayer } from './layers.js';
import { PERMIT_OVERLAP_STYLE } from '../permits/permit-overlap-layer.js';
import { COLOURS, LEGAL_STATUS_COLOURS } from '../../shared/palette.js';
import { ROUTE_RISK_STYLE } from '../routes/route-risk.js';
import { SEVERITIES, SEVERITY_STYLES, patternSymbol } from '../contested/severity.js';
import { symbolCanvas, type SymbolName } from './symbols.js';
import { GROUPS } from '../incidents/incident-vocabulary.js';
import { GROUP_STYLES } from '../incidents/incident-chart-drawing.js';
import { OLDER_OPACITY } from '../incidents/incident-recency.js';

type Swatch =
  | {
      kind: 'area';
      fill?: string;
      fillOpacity?: number;
      patterns?: SymbolName[];
      line: string;
      lineWidth: number;
      dash?: number[];
      /** A wider line under the outline, as the contested zones have. */
      casing?: { colour: string; width: number };
    }
  | { kind: 'line'; colour: string; width: number; casing?: string; dash?: readonly number[]; pattern?: SymbolName }
  | { kind: 'circle'; fill: string; stroke: string; radius: number; strokeWidth: number }
  | { kind: 'symbol'; name: SymbolName; opacity?: number };

interface LegendEntry {
  layer: ToggleableLayer;
  /** For what is not an API layer (those take the API's title). */
  title?: MessageKey;
  items: Array<{ key: MessageKey; swatch: Swatch }>;
}

/** Most alarming first: what an analyst scans for comes at the top. */
const ENTRIES: LegendEntry[] = [
  {
    layer: CONTESTED_OVERLAY,
    title: 'legend.contested.title',
    items: [
      ...SEVERITIES.map((severity) => {
        const style = SEVERITY_STYLES[severity];
        // Half the map's widths: at full width the casing would fill the small swatch.
        const swatch: Swatch = {
          kind: 'area',
          fill: style.colour,
          fillOpacity: 0.25,
          patterns: [patternSymbol(severity)],
          line: style.colour,
          lineWidth: style.width / 2,
          dash: style.dash,
          casing: { colour: COLOURS.ink, width: style.width / 2 + 2 },
        };
        return { key: style.legend, swatch };
      }),
      { key: 'legend.contested.marker', swatch: { kind: 'symbol', name: 'contested-marker-critical' } },
    ],
  },
  {
    layer: ROUTE_RISK_OVERLAY,
    title: 'routeRisk.title',
    items: [
      {
        key: 'routeRisk.legend',
        swatch: { kind: 'line', colour: ROUTE_RISK_STYLE.colour, width: 4, casing: ROUTE_RISK_STYLE.casing, dash: ROUTE_RISK_STYLE.dash },
      },
      { key: 'routeRisk.legendFar', swatch: { kind: 'line', colour: ROUTE_RISK_STYLE.colour, width: 8, pattern: ROUTE_RISK_STYLE.halo } },
    ],
  },
  {
    layer: PERMIT_OVERLAY,
    title: 'permitOverlap.title',
    items: [
      {
        key: 'permitOverlap.legend',
        swatch: {
          kind: 'area',
          fill: PERMIT_OVERLAP_STYLE.fill,
          fillOpacity: PERMIT_OVERLAP_STYLE.fillOpacity,
          line: PERMIT_OVERLAP_STYLE.line,
          lineWidth: PERMIT_OVERLAP_STYLE.width,
          dash: [...PERMIT_OVERLAP_STYLE.dash],
        },
      },
    ],
  },
  {
    layer: 'presence',
    items: [
      { key: 'legend.presence.danger', swatch: { kind: 'symbol', name: 'presence-danger' } },
      { key: 'legend.presence.pnc', swatch: { kind: 'symbol', name: 'presence-pnc' } },
      { key: 'legend.presence.pmh', swatch: { kind: 'symbol', name: 'presence-pmh' } },
      { key: 'legend.presence.other', swatch: { kind: 'symbol', name: 'presence-other' } },
      // Drawn like the map's area presences: the actor's colour, faint fill, dashed outline.
      {
        key: 'legend.presence.area',
        swatch: { kind: 'area', fill: COLOURS.vermillion, fillOpacity: 0.15, line: COLOURS.vermillion, lineWidth: 2, dash: [3, 1.5] },
      },
    ],
  },
  {
    layer: 'incidents',
    items: [
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- tsc needs it to keep the literal kind and name
      ...GROUPS.map((group) => ({ key: GROUP_STYLES[group].label, swatch: { kind: 'symbol', name: `incident-${group}` } as Swatch })),
      { key: 'legend.incidents.older', swatch: { kind: 'symbol', name: 'incident-violence', opacity: OLDER_OPACITY } },
    ],
  },
  {
    layer: 'roadblocks',
    items: [
      { key: 'legend.roadblocks.armed', swatch: { kind: 'symbol', name: 'roadblock-armed' } },
      { key: 'legend.roadblocks.other', swatch: { kind: 'symbol', name: 'roadblock-other' } },
    ],
  },
  {
    layer: 'sites',
    items: [
      { key: 'legend.sites.site', swatch: { kind: 'circle', fill: COLOURS.white, stroke: COLOURS.ink, radius: 4.5, strokeWidth: 1.5 } },
      { key: 'legend.sites.armed', swatch: { kind: 'circle', fill: COLOURS.white, stroke: COLOURS.vermillion, radius: 6, strokeWidth: 3 } },
      { key: 'legend.sites.stale', swatch: { kind: 'circle', fill: COLOURS.white, stroke: STALE_GREY, radius: 5.5, strokeWidth: 2.5 } },
    ],
  },
  { layer: 'routes', items: [{ key: 'legend.routes.line', swatch: { kind: 'line', colour: '#5A4A3A', width: 3, casing: COLOURS.white } }] },
  {
    layer: 'claims',
    items: [
      {
        key: 'legend.claims.authorised',
        swatch: { kind: 'area', fill: LEGAL_STATUS_COLOURS.authorised, fillOpacity: 0.28, line: LEGAL_STATUS_COLOURS.authorised, lineWidth: 2.5 },
      },
      { key: 'legend.claims.pending', swatch: { kind: 'area', patterns: ['hatch-pending'], line: LEGAL_STATUS_COLOURS.pending, lineWidth: 2.5, dash: [4, 2] } },
      {
        key: 'legend.claims.unrecognised',
        swatch: { kind: 'area', patterns: ['hatch-unrecognised'], line: LEGAL_STATUS_COLOURS.unrecognised, lineWidth: 3, dash: [0.6, 1.4] },
      },
      {
        key: 'legend.claims.overlap',
        swatch: { kind: 'area', fill: LEGAL_STATUS_COLOURS.authorised, fillOpacity: 0.28, patterns: ['hatch-unrecognised'], line: COLOURS.ink, lineWidth: 1 },
      },
    ],
  },
  { layer: 'zones', items: [{ key: 'legend.zones.outline', swatch: { kind: 'area', fill: COLOURS.ink, fillOpacity: 0.04, line: COLOURS.ink, lineWidth: 2 } }] },
  {
    layer: 'permits',
    items: [
      {
        key: 'legend.permits.outline',
        swatch: { kind: 'area', patterns: ['hatch-permit'], line: PERMIT_LINE.colour, lineWidth: PERMIT_LINE.width, dash: [...PERMIT_LINE.dash] },
      },
    ],
  },
  {
    layer: 'cooperatives',
    items: [{ key: 'legend.cooperatives.seat', swatch: { kind: 'circle', fill: COLOURS.skyBlue, stroke: COLOURS.ink, radius: 5, strokeWidth: 1.5 } }],
  },
  {
    layer: PLACES_SOURCE,
    items: [{ key: 'legend.places.place', swatch: { kind: 'circle', fill: COLOURS.ink, stroke: COLOURS.ink, radius: 3, strokeWidth: 0 } }],
  },
];

const SWATCH_WIDTH = 30;
const SWATCH_HEIGHT = 20;

function drawSwatch(swatch: Swatch): HTMLCanvasElement {
  if (swatch.kind === 'symbol') {
    const canvas = symbolCanvas(swatch.name);
    if (swatch.opacity !== undefined) canvas.style.opacity = String(swatch.opacity);
    return canvas;
  }
  const ratio = 2;
  const canvas = document.createElement('canvas');
  canvas.width = SWATCH_WIDTH * ratio;
  canvas.height = SWATCH_HEIGHT * ratio;
  canvas.style.width = `${SWATCH_WIDTH}px`;
  canvas.style.height = `${SWATCH_HEIGHT}px`;
  const ctx = canvas.getContext('2d')!;
  ctx.scale(ratio, ratio);
  if (swatch.kind === 'area') {
    const inset = Math.max(swatch.lineWidth, swatch.casing?.width ?? 0) / 2 + 1;
    const [x, y, w, h] = [inset, inset, SWATCH_WIDTH - 2 * inset, SWATCH_HEIGHT - 2 * inset];
    if (swatch.fill) {
      ctx.globalAlpha = swatch.fillOpacity ?? 1;
      ctx.fillStyle = swatch.fill;
      ctx.fillRect(x, y, w, h);
      ctx.globalAlpha = 1;
    }
    for (const name of swatch.patterns ?? []) {
      const tile = symbolCanvas(name);
      const pattern = ctx.createPattern(tile, 'repeat');
      // The tile is drawn at twice its CSS size; scale it back to match the map.
      pattern?.setTransform(new DOMMatrix().scale(1 / ratio));
      ctx.fillStyle = pattern ?? swatch.line;
      ctx.fillRect(x, y, w, h);
    }
    if (swatch.casing) {
      ctx.lineWidth = swatch.casing.width;
      ctx.strokeStyle = swatch.casing.colour;
      ctx.strokeRect(x, y, w, h);
    }
    ctx.setLineDash((swatch.dash ?? []).map((d) => d * swatch.lineWidth));
    ctx.lineCap = swatch.dash && swatch.dash[0]! < 1 ? 'round' : 'butt';
    ctx.lineWidth = swatch.lineWidth;
    ctx.strokeStyle = swatch.line;
    ctx.strokeRect(x, y, w, h);
  } else if (swatch.kind === 'line') {
    ctx.lineCap = 'round';
    const path = () => {
      ctx.beginPath();
      ctx.moveTo(4, SWATCH_HEIGHT - 5);
      ctx.bezierCurveTo(12, 2, 18, SWATCH_HEIGHT, SWATCH_WIDTH - 4, 5);
    };
    if (swatch.casing) {
      path();
      ctx.lineWidth = swatch.width + 3;
      ctx.strokeStyle = swatch.casing;
      ctx.stroke();
    }
    path();
    ctx.setLineDash((swatch.dash ?? []).map((d) => d * swatch.width));
    ctx.lineCap = swatch.dash ? 'butt' : 'round';
    ctx.lineWidth = swatch.width;
    const pattern = swatch.pattern ? ctx.createPattern(symbolCanvas(swatch.pattern), 'repeat') : null;
    // The tile is drawn at twice its CSS size; scale it back to match the map.
    pattern?.setTransform(new DOMMatrix().scale(1 / ratio));
    ctx.strokeStyle = pattern ?? swatch.colour;
    ctx.stroke();
    ctx.setLineDash([]);
  } else {
    ctx.beginPath();
    ctx.arc(SWATCH_WIDTH / 2, SWATCH_HEIGHT / 2, swatch.radius, 0, Math.PI * 2);
    ctx.fillStyle = swatch.fill;
    ctx.fill();
    if (swatch.strokeWidth > 0) {
      ctx.lineWidth = swatch.strokeWidth;
      ctx.strokeStyle = swatch.stroke;
      ctx.stroke();
    }
  }
  return canvas;
}

export interface LegendOptions {
  /** Layer titles in both languages (from `GET /api/layers`). */
  titles: ReadonlyMap<string, Localized>;
  isVisible(layer: ToggleableLayer): boolean;
  onToggle(layer: ToggleableLayer, visible: boolean): void;
}

export interface Legend {
  /** How many records each layer shows now; a layer without a count shows none. */
  setCounts(counts: Partial<Record<ToggleableLayer, number>>): void;
  /**
   * Which shown layers have something in the view: the others keep their toggle and lose their
   * symbols' rows, so that the legend explains what is on screen (issue 14). A layer left out
   * of `inView` is taken as in view.
   */
  setInView(inView: Partial<Record<ToggleableLayer, boolean>>): void;
}

const PLACES_TITLE: Localized = { fr: 'Localités de repère', en: 'Reference places' };

export function createLegend(container: HTMLElement, options: LegendOptions): Legend {
  const heading = document.createElement('h2');
  heading.id = 'legend-title';
  container.setAttribute('aria-labelledby', heading.id);
  // Collapsible, so that a small screen can give its height to the contested list.
  const collapse = document.createElement('button');
  collapse.type = 'button';
  collapse.className = 'legend-collapse';
  collapse.setAttribute('aria-expanded', 'true');
  const body = document.createElement('div');
  body.id = 'legend-body';
  body.className = 'legend-body';
  collapse.setAttribute('aria-controls', body.id);
  const collapseArrow = document.createElement('span');
  collapseArrow.setAttribute('aria-hidden', 'true');
  const collapseText = document.createElement('span');
  collapse.append(collapseArrow, collapseText);
  heading.append(collapse);
  container.append(heading, body);
  collapse.addEventListener('click', () => {
    const open = collapse.getAttribute('aria-expanded') !== 'true';
    collapse.setAttribute('aria-expanded', String(open));
    body.hidden = !open;
    collapseArrow.textContent = open ? '▾ ' : '▸ ';
  });
  collapseArrow.textContent = '▾ ';

  const counts: Partial<Record<ToggleableLayer, number>> = {};
  const inView: Partial<Record<ToggleableLayer, boolean>> = {};
  const refreshers: Array<() => void> = [() => (collapseText.textContent = t('legend.title'))];

  for (const entry of ENTRIES) {
    const title = () =>
      entry.title
        ? t(entry.title)
        : entry.layer === PLACES_SOURCE
          ? localize(PLACES_TITLE)
          : localize(options.titles.get(entry.layer) ?? { fr: entry.layer, en: entry.layer });
    const block = document.createElement('div');
    block.className = 'legend-layer';
    block.dataset.layer = entry.layer;

    const label = document.createElement('label');
    label.className = 'legend-toggle';
    const checkbox = document.createElement('input');
    checkbox.type = 'checkbox';
    checkbox.id = `toggle-${entry.layer}`;
    checkbox.name = checkbox.id;
    checkbox.checked = options.isVisible(entry.layer);
    checkbox.addEventListener('change', () => {
      options.onToggle(entry.layer, checkbox.checked);
      block.classList.toggle('is-hidden', !checkbox.checked);
      // Hidden, a layer draws nothing and cannot say what is in view: its rows come back until the next look.
      delete inView[entry.layer];
      refresh();
    });
    block.classList.toggle('is-hidden', !checkbox.checked);
    const titleText = document.createElement('span');
    titleText.className = 'legend-title';
    const count = document.createElement('span');
    count.className = 'legend-count';
    const away = document.createElement('span');
    away.className = 'legend-away';
    label.append(checkbox, titleText, away, count);

    const list = document.createElement('ul');
    list.className = 'legend-items';
    const texts: Array<[HTMLElement, MessageKey]> = [];
    for (const item of entry.items) {
      const li = document.createElement('li');
      // Decorative: the text next to it says what it means.
      const swatch = document.createElement('span');
      swatch.className = 'legend-swatch';
      swatch.setAttribute('aria-hidden', 'true');
      swatch.append(drawSwatch(item.swatch));
      const text = document.createElement('span');
      li.append(swatch, text);
      list.append(li);
      texts.push([text, item.key]);
    }
    block.append(label, list);
    body.append(block);

    refreshers.push(() => {
      titleText.textContent = title();
      const n = counts[entry.layer];
      count.textContent = n === undefined ? '' : `${n}`;
      count.hidden = n === undefined;
      for (const [element, key] of texts) element.textContent = t(key);
      // Shown but with nothing in the view: the toggle stays, the symbols' rows go.
      const absent = checkbox.checked && inView[entry.layer] === false;
      block.classList.toggle('is-away', absent);
      list.hidden = absent;
      away.textContent = absent ? t('legend.away') : '';
      away.hidden = !absent;
    });
  }

  const refresh = () => {
    for (const refresher of refreshers) refresher();
  };
  onLangChange(refresh);
  refresh();

  return {
    setCounts(next) {
      Object.assign(counts, next);
      refresh();
    },
    setInView(next) {
      Object.assign(inView, next);
      refresh();
    },
  };
}
