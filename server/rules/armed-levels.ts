import type { Level } from './security-actor-rules.js';

/**
 * The flag levels that mean armed men at a mine site (R1–R3, and R4's police where the mining
 * police alone belong); `info` does not. The map's site rings and the timeline's monthly count
 * read the same set, so that the strip never counts a site the map draws plain.
 */
export const ARMED_LEVELS: ReadonlySet<string> = new Set<Level>(['red', 'amber']);
