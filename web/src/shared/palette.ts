/**
 * Okabe–Ito colours: told apart by readers with any common colour-vision deficiency.
 * Every colour on the map is paired with a shape, dash or hatching, so that a greyscale
 * print still tells the categories apart.
 */
export const COLOURS = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  green: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  purple: '#CC79A7',
  grey: '#9E9E9E',
  ink: '#1A1A1A',
  paper: '#F3F1EC',
  white: '#FFFFFF',
} as const;

/** Claims by the claimant's legal standing. */
export const LEGAL_STATUS_COLOURS = {
  authorised: COLOURS.green,
  pending: COLOURS.orange,
  unrecognised: COLOURS.purple,
} as const;

/** Actor types without a lawful role at a mine site (docs/domain.md, rules R1 and R3). */
export const DANGER_ACTORS = ['fardc', 'armed_group_local', 'armed_group_foreign'] as const;
