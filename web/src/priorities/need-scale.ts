/**
 * Need on the map: five classes, relative to the highest need of the ranking shown, each
 * darker and (for sites) larger than the last. A light-to-dark sequence (ColorBrewer
 * YlOrBr) stays ordered in greyscale and for every common colour-vision deficiency.
 */
export const NEED_COLOURS = ['#ececec', '#fed98e', '#fe9929', '#d95f0e', '#993404'] as const;
export const SITE_RADII = [3.5, 5, 6.5, 8, 10] as const;

/** 0 for no need; 1–4 for quarters of the highest need. */
export function needClass(need: number, maxNeed: number): number {
  if (need <= 0 || maxNeed <= 0) return 0;
  return Math.min(4, Math.max(1, Math.ceil((need / maxNeed) * 4)));
}

/** Upper bound of each class above 0, for the legend. */
export function classBounds(maxNeed: number): number[] {
  return [1, 2, 3, 4].map((k) => (maxNeed * k) / 4);
}
