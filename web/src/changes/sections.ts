/**
 * The answer in the three parts the minutes read in: what rose, what cleared, and the
 * incidents between the two dates. The server already orders each part; this only sorts them
 * into their sections.
 */
import type { Change } from './api.js';

export const SECTIONS = ['rose', 'cleared', 'incidents'] as const;
export type SectionName = (typeof SECTIONS)[number];

const ROSE: ReadonlySet<Change['change']> = new Set(['appeared', 'worsened', 'rose']);
const CLEARED: ReadonlySet<Change['change']> = new Set(['ended', 'eased', 'cleared']);

/** The section a change belongs to. */
export function sectionOf(change: Pick<Change, 'kind' | 'change'>): SectionName {
  if (change.kind === 'incident') return 'incidents';
  if (ROSE.has(change.change)) return 'rose';
  if (CLEARED.has(change.change)) return 'cleared';
  // A change the page does not know yet (a newer server) is not lost: it is listed with what rose.
  return 'rose';
}

export function groupChanges(changes: readonly Change[]): Record<SectionName, Change[]> {
  const groups: Record<SectionName, Change[]> = { rose: [], cleared: [], incidents: [] };
  for (const change of changes) groups[sectionOf(change)].push(change);
  return groups;
}
