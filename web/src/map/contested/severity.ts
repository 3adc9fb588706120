/**
 * How each severity of a contested zone looks, in one place so that the map, the list, the
 * details and the legend cannot drift apart. Colour is never the only cue: each severity
 * also has its own dash, fill pattern and number of bars on its marker, so that a
 * colour-blind reader or a greyscale print still ranks them.
 */
import type { MessageKey } from '../messages.js';
import { COLOURS } from '../../shared/palette.js';

export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface SeverityStyle {
  colour: string;
  /** Width of the coloured line inside the dark casing, px. */
  width: number;
  /** MapLibre dash, in line widths; empty for solid. */
  dash: number[];
  /** How many bars the marker shows: rank read without colour. */
  bars: number;
  label: MessageKey;
  legend: MessageKey;
}

/** Warm to cool with rank; Okabe–Ito colours, told apart by lightness too. */
export const SEVERITY_STYLES: Record<Severity, SeverityStyle> = {
  critical: { colour: COLOURS.vermillion, width: 4, dash: [], bars: 4, label: 'severity.critical', legend: 'legend.contested.critical' },
  high: { colour: COLOURS.orange, width: 3.5, dash: [3, 1], bars: 3, label: 'severity.high', legend: 'legend.contested.high' },
  medium: { colour: COLOURS.yellow, width: 3, dash: [1.5, 1], bars: 2, label: 'severity.medium', legend: 'legend.contested.medium' },
  low: { colour: COLOURS.skyBlue, width: 3, dash: [0.2, 1.2], bars: 1, label: 'severity.low', legend: 'legend.contested.low' },
};

export function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}

/** Names of the images registered on the map for each severity (see symbols.ts). */
export const markerSymbol = (severity: Severity) => `contested-marker-${severity}` as const;
export const patternSymbol = (severity: Severity) => `contested-pattern-${severity}` as const;
