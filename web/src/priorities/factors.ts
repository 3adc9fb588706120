/**
 * The eight factors of need, in the API's order, with how the page draws each one. Colours
 * are Okabe–Ito (palette.ts); each factor also has its own hatching and a letter, so a
 * greyscale print or a reader who cannot tell the colours apart still tells them apart.
 */
import { COLOURS } from '../shared/palette.js';

export const FACTORS = [
  'contested',
  'illegal_presence',
  'incidents',
  'militarised_routes',
  'activity',
  'certification',
  'industrial_overlap',
  'pmh_coverage',
] as const;
export type Factor = (typeof FACTORS)[number];
export type Weights = Record<Factor, number>;

/**
 * The API's defaults (server/analysis/priorities/priority-params.ts), repeated so that the
 * page can show and reset them without a request; tests/web/priorities-units.test.ts keeps
 * the two equal.
 */
export const DEFAULT_WEIGHTS: Readonly<Weights> = {
  contested: 3,
  illegal_presence: 3,
  incidents: 2,
  militarised_routes: 1,
  activity: 1.5,
  certification: 1,
  industrial_overlap: 1,
  pmh_coverage: 2,
};

/** Likewise the API's defaults for the parameters the page does not let one change. */
export const DEFAULT_RADIUS_KM = 10;
export const DEFAULT_HALF_LIFE_DAYS = 180;

/** The one factor that lowers need: existing lawful coverage. */
export const NEGATIVE_FACTOR: Factor = 'pmh_coverage';

export type Hatch = 'none' | 'forward' | 'backward' | 'cross' | 'horizontal' | 'vertical' | 'dots';

export interface FactorStyle {
  /** A letter printed in the bar segment and the legend: readable without colour. */
  letter: string;
  fill: string;
  hatch: Hatch;
  /** Hatching in white on dark fills, in ink on light ones, so it shows on both. */
  mark: string;
}

export const FACTOR_STYLES: Record<Factor, FactorStyle> = {
  contested: { letter: 'C', fill: COLOURS.vermillion, hatch: 'forward', mark: COLOURS.white },
  illegal_presence: { letter: 'P', fill: COLOURS.purple, hatch: 'cross', mark: COLOURS.ink },
  incidents: { letter: 'I', fill: COLOURS.orange, hatch: 'none', mark: COLOURS.ink },
  militarised_routes: { letter: 'R', fill: COLOURS.blue, hatch: 'horizontal', mark: COLOURS.white },
  activity: { letter: 'A', fill: COLOURS.green, hatch: 'dots', mark: COLOURS.white },
  certification: { letter: 'Q', fill: COLOURS.yellow, hatch: 'vertical', mark: COLOURS.ink },
  industrial_overlap: { letter: 'T', fill: COLOURS.grey, hatch: 'horizontal', mark: COLOURS.ink },
  // Subtracted: a white segment with blue back-hatching and a dashed edge, unlike any positive one.
  pmh_coverage: { letter: 'M', fill: COLOURS.white, hatch: 'backward', mark: COLOURS.skyBlue },
};

/** The query parameter that carries a factor's weight. */
export const weightParam = (factor: Factor) => `w_${factor}`;
