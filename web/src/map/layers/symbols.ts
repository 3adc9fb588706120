/**
 * Point symbols and fill patterns drawn on a canvas in the page, so the map needs no sprite
 * server, and the legend shows exactly what the map draws.
 */
import { COLOURS, LEGAL_STATUS_COLOURS } from '../../shared/palette.js';
import { SEVERITY_STYLES, type Severity } from '../contested/severity.js';
import { GROUP_COLOURS, type CategoryGroup } from '../incidents/incident-vocabulary.js';

type Draw = (c: CanvasRenderingContext2D, s: number) => void;
const marker =
  (severity: Severity): Draw =>
  (c, s) =>
    drawSeverityMarker(c, s, severity);
const incident =
  (group: CategoryGroup): Draw =>
  (c, s) =>
    drawIncident(c, s, group);

export const SYMBOLS = {
  'presence-danger': { size: 24, draw: drawTriangle },
  'presence-pmh': { size: 20, draw: (c: CanvasRenderingContext2D, s: number) => drawSquare(c, s, COLOURS.blue) },
  'presence-pnc': { size: 22, draw: (c: CanvasRenderingContext2D, s: number) => drawDiamond(c, s, COLOURS.yellow) },
  'presence-other': { size: 16, draw: (c: CanvasRenderingContext2D, s: number) => drawDisc(c, s, COLOURS.grey) },
  // Incidents: a disc in the colour of their kind of harm, with a white mark that tells the kind
  // where colour is lost (greyscale print, colour blindness): ✕, ✱, bar, two bars, nothing.
  'incident-violence': { size: 20, draw: incident('violence') },
  'incident-clash': { size: 20, draw: incident('clash') },
  'incident-predation': { size: 18, draw: incident('predation') },
  'incident-coercion': { size: 18, draw: incident('coercion') },
  'incident-other': { size: 14, draw: incident('other') },
  // Size and stroke weight, not only colour, tell a militarised roadblock from another one.
  'roadblock-armed': { size: 24, draw: (c: CanvasRenderingContext2D, s: number) => drawBarrier(c, s, COLOURS.vermillion, 4) },
  'roadblock-other': { size: 18, draw: (c: CanvasRenderingContext2D, s: number) => drawBarrier(c, s, '#4D4D4D', 2.5) },
  'hatch-pending': { size: 12, draw: (c: CanvasRenderingContext2D, s: number) => drawHatch(c, s, LEGAL_STATUS_COLOURS.pending, 'rising') },
  'hatch-unrecognised': { size: 12, draw: (c: CanvasRenderingContext2D, s: number) => drawHatch(c, s, LEGAL_STATUS_COLOURS.unrecognised, 'falling') },
  // Mining titles (CAMI): light vertical grey lines, unlike the claims' diagonals and the contested patterns.
  'hatch-permit': { size: 10, draw: drawPermitHatch },
  // Militarised route segments seen from afar: vermillion and ink stripes, a warning in greyscale too.
  'route-risk-stripes': { size: 12, draw: drawHazardStripes },
  // Contested zones: an octagon, a shape no other layer uses, so it reads as "contested" at once.
  'contested-marker-critical': { size: 28, draw: marker('critical') },
  'contested-marker-high': { size: 28, draw: marker('high') },
  'contested-marker-medium': { size: 28, draw: marker('medium') },
  'contested-marker-low': { size: 28, draw: marker('low') },
  // Ink patterns over the claims' coloured hatching: denser means more severe, in greyscale too.
  'contested-pattern-critical': { size: 8, draw: (c: CanvasRenderingContext2D, s: number) => drawCrossHatch(c, s, 1.5) },
  'contested-pattern-high': { size: 14, draw: (c: CanvasRenderingContext2D, s: number) => drawCrossHatch(c, s, 1.25) },
  'contested-pattern-medium': { size: 8, draw: drawHorizontalLines },
  'contested-pattern-low': { size: 10, draw: drawDots },
} satisfies Record<string, { size: number; draw: (ctx: CanvasRenderingContext2D, size: number) => void }>;

export type SymbolName = keyof typeof SYMBOLS;

/** Drawn at twice the CSS size so that symbols stay sharp on high-density screens. */
export const SYMBOL_PIXEL_RATIO = 2;

/** A canvas showing the symbol at its CSS size; the legend puts these next to their meaning. */
export function symbolCanvas(name: SymbolName, cssSize: number = SYMBOLS[name].size): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = cssSize * SYMBOL_PIXEL_RATIO;
  canvas.style.width = canvas.style.height = `${cssSize}px`;
  const ctx = canvas.getContext('2d')!;
  ctx.scale(SYMBOL_PIXEL_RATIO, SYMBOL_PIXEL_RATIO);
  SYMBOLS[name].draw(ctx, cssSize);
  return canvas;
}

/** The symbol's pixels, for `map.addImage(name, image, { pixelRatio: SYMBOL_PIXEL_RATIO })`. */
export function symbolImage(name: SymbolName): ImageData {
  const canvas = symbolCanvas(name);
  return canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
}

function outline(ctx: CanvasRenderingContext2D, width = 1.5): void {
  ctx.lineJoin = 'round';
  ctx.lineWidth = width;
  ctx.strokeStyle = COLOURS.ink;
  ctx.stroke();
}

function drawTriangle(ctx: CanvasRenderingContext2D, size: number): void {
  const m = 1.5;
  ctx.beginPath();
  ctx.moveTo(size / 2, m);
  ctx.lineTo(size - m, size - m - 1);
  ctx.lineTo(m, size - m - 1);
  ctx.closePath();
  ctx.fillStyle = COLOURS.vermillion;
  ctx.fill();
  outline(ctx);
  // The exclamation mark keeps "danger" readable where the colour is lost (greyscale print).
  ctx.fillStyle = COLOURS.white;
  ctx.fillRect(size / 2 - 1.25, size * 0.36, 2.5, size * 0.3);
  ctx.fillRect(size / 2 - 1.25, size * 0.72, 2.5, 2.5);
}

function drawSquare(ctx: CanvasRenderingContext2D, size: number, fill: string): void {
  const m = 2;
  ctx.beginPath();
  ctx.rect(m, m, size - 2 * m, size - 2 * m);
  ctx.fillStyle = fill;
  ctx.fill();
  outline(ctx);
  ctx.beginPath();
  ctx.rect(m + 3, m + 3, size - 2 * m - 6, size - 2 * m - 6);
  ctx.strokeStyle = COLOURS.white;
  ctx.lineWidth = 1.5;
  ctx.stroke();
}

function drawDiamond(ctx: CanvasRenderingContext2D, size: number, fill: string): void {
  const m = 1.5;
  ctx.beginPath();
  ctx.moveTo(size / 2, m);
  ctx.lineTo(size - m, size / 2);
  ctx.lineTo(size / 2, size - m);
  ctx.lineTo(m, size / 2);
  ctx.closePath();
  ctx.fillStyle = fill;
  ctx.fill();
  outline(ctx);
}

function drawDisc(ctx: CanvasRenderingContext2D, size: number, fill: string): void {
  ctx.beginPath();
  ctx.arc(size / 2, size / 2, size / 2 - 2, 0, Math.PI * 2);
  ctx.fillStyle = fill;
  ctx.fill();
  outline(ctx);
}

function drawIncident(ctx: CanvasRenderingContext2D, size: number, group: CategoryGroup): void {
  drawDisc(ctx, size, GROUP_COLOURS[group]);
  const c = size / 2;
  const r = size * 0.24;
  ctx.strokeStyle = COLOURS.white;
  ctx.lineWidth = 2.2;
  ctx.lineCap = 'round';
  ctx.beginPath();
  if (group === 'violence' || group === 'clash') {
    ctx.moveTo(c - r, c - r);
    ctx.lineTo(c + r, c + r);
    ctx.moveTo(c + r, c - r);
    ctx.lineTo(c - r, c + r);
  }
  if (group === 'clash') {
    ctx.moveTo(c, c - r * 1.3);
    ctx.lineTo(c, c + r * 1.3);
  }
  if (group === 'predation') {
    ctx.moveTo(c - r, c);
    ctx.lineTo(c + r, c);
  }
  if (group === 'coercion') {
    ctx.moveTo(c - r / 2, c - r);
    ctx.lineTo(c - r / 2, c + r);
    ctx.moveTo(c + r / 2, c - r);
    ctx.lineTo(c + r / 2, c + r);
  }
  ctx.stroke();
}

/** A "no entry" disc: a thick ring and a bar across, in the operator's colour. */
function drawBarrier(ctx: CanvasRenderingContext2D, size: number, colour: string, weight: number): void {
  const r = size / 2 - weight / 2 - 0.5;
  ctx.beginPath();
  ctx.arc(size / 2, size / 2, r, 0, Math.PI * 2);
  ctx.fillStyle = COLOURS.white;
  ctx.fill();
  ctx.lineWidth = weight;
  ctx.strokeStyle = colour;
  ctx.stroke();
  ctx.fillStyle = colour;
  ctx.fillRect(size / 2 - r + weight / 2 + 1, size / 2 - weight / 2, 2 * r - weight - 2, weight);
}

/** Diagonal lines that tile seamlessly: each line is also drawn shifted by one tile. */
/** One thin vertical grey line a tile: the light hatching of the mining titles. */
function drawPermitHatch(ctx: CanvasRenderingContext2D, size: number): void {
  ctx.strokeStyle = '#6B6B6B';
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(size / 2, 0);
  ctx.lineTo(size / 2, size);
  ctx.stroke();
}

function drawHatch(ctx: CanvasRenderingContext2D, size: number, colour: string, direction: 'rising' | 'falling'): void {
  ctx.strokeStyle = colour;
  ctx.lineWidth = 2;
  ctx.lineCap = 'square';
  ctx.beginPath();
  for (const offset of [-size, 0, size]) {
    if (direction === 'rising') {
      ctx.moveTo(offset, size);
      ctx.lineTo(offset + size, 0);
    } else {
      ctx.moveTo(offset, 0);
      ctx.lineTo(offset + size, size);
    }
  }
  ctx.stroke();
}

/**
 * Three diagonal ink stripes a tile on vermillion. MapLibre scales a line pattern to the line's
 * width, so one tile spans the band across: three stripes keep it striped, not blotched.
 */
function drawHazardStripes(ctx: CanvasRenderingContext2D, size: number): void {
  const period = size / 3;
  ctx.fillStyle = COLOURS.vermillion;
  ctx.fillRect(0, 0, size, size);
  ctx.strokeStyle = COLOURS.ink;
  ctx.lineWidth = period / 2;
  ctx.beginPath();
  for (let offset = -size; offset <= size; offset += period) {
    ctx.moveTo(offset, size);
    ctx.lineTo(offset + size, 0);
  }
  ctx.stroke();
}

/** Both diagonals: reads as "two claims at once" over the claims' single-direction hatching. */
function drawCrossHatch(ctx: CanvasRenderingContext2D, size: number, width: number): void {
  ctx.strokeStyle = COLOURS.ink;
  ctx.lineWidth = width;
  ctx.beginPath();
  for (const offset of [-size, 0, size]) {
    ctx.moveTo(offset, size);
    ctx.lineTo(offset + size, 0);
    ctx.moveTo(offset, 0);
    ctx.lineTo(offset + size, size);
  }
  ctx.stroke();
}

function drawHorizontalLines(ctx: CanvasRenderingContext2D, size: number): void {
  ctx.fillStyle = COLOURS.ink;
  ctx.fillRect(0, size / 2 - 0.75, size, 1.5);
}

function drawDots(ctx: CanvasRenderingContext2D, size: number): void {
  ctx.fillStyle = COLOURS.ink;
  ctx.beginPath();
  ctx.arc(size / 2, size / 2, 1.4, 0, Math.PI * 2);
  ctx.fill();
}

/** An octagon in the severity's colour with 1–4 rising bars: the rank survives without colour. */
function drawSeverityMarker(ctx: CanvasRenderingContext2D, size: number, severity: Severity): void {
  const { colour, bars } = SEVERITY_STYLES[severity];
  const r = size / 2 - 1.5;
  const c = size / 2;
  ctx.beginPath();
  for (let i = 0; i < 8; i += 1) {
    const angle = Math.PI / 8 + (i * Math.PI) / 4;
    const [x, y] = [c + r * Math.cos(angle), c + r * Math.sin(angle)];
    if (i === 0) ctx.moveTo(x, y);
    else ctx.lineTo(x, y);
  }
  ctx.closePath();
  ctx.fillStyle = colour;
  ctx.fill();
  outline(ctx, 2);
  const [barWidth, gap] = [3, 1.5];
  const total = 4 * barWidth + 3 * gap;
  const base = c + 5;
  for (let i = 0; i < 4; i += 1) {
    const height = 4 + i * 2.5;
    const x = c - total / 2 + i * (barWidth + gap);
    ctx.beginPath();
    ctx.rect(x, base - height, barWidth, height);
    // Unlit bars stay as outlines so that "2 of 4" reads as a level, not as a different shape.
    ctx.fillStyle = i < bars ? COLOURS.white : 'transparent';
    ctx.fill();
    ctx.lineWidth = 1;
    ctx.strokeStyle = COLOURS.ink;
    ctx.stroke();
  }
}
