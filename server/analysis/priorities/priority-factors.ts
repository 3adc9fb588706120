import type { EvidenceItem, FactorResult } from './priority-schema.js';

/**
 * Each factor turns its evidence into a value in its own unit and a score from 0 to 1
 * (FactorResult, priority-schema.ts, with the records behind it as EvidenceItem).
 * Every score rises with its evidence and never falls: adding an incident cannot lower
 * need, adding Mining Police cannot raise it (tests/analysis/priorities pin this).
 */
export type { EvidenceItem, FactorResult };

/** How much one incident of a category weighs, before decay: harm to people first. */
export const INCIDENT_SEVERITY: Record<string, number> = {
  killing: 3,
  sexual_violence: 3,
  torture: 3,
  abduction: 2.5,
  armed_clash: 2,
  forced_labour: 2,
  arbitrary_arrest: 1.5,
  extortion: 1,
  illegal_taxation: 1,
  harassment: 1,
  roadblock: 0.5,
  other: 0.5,
};

const PRODUCTION: Record<string, number> = { none: 0, low: 0.3, medium: 0.7, high: 1 };

/** Saturating scales: the first flag or incident counts most, the tenth adds little. */
export const saturate = (value: number, half: number) => value / (value + half);
export const capped = (value: number, full: number) => Math.min(1, value / full);

export interface PlaceFacts {
  production_level: string | null;
  workers: number | null;
  qualification: string | null;
}

/**
 * Activity from production level and workers, whichever are known; unknown is neutral (0.5),
 * so a place the data says nothing about is neither pushed up nor hidden.
 */
export function activityScore(facts: PlaceFacts): { value: number | null; score: number } {
  const parts: number[] = [];
  if (facts.production_level && facts.production_level in PRODUCTION) parts.push(PRODUCTION[facts.production_level]!);
  if (facts.workers !== null && facts.workers !== undefined) parts.push(capped(Math.log10(1 + facts.workers), 3));
  const score = parts.length ? parts.reduce((a, b) => a + b, 0) / parts.length : 0.5;
  return { value: facts.workers ?? null, score };
}

/** Red qualification, or yellow, or a green site with red flags on it: its certification is at risk. */
export function certificationScore(qualification: string | null, hasRedFlags: boolean): number {
  if (qualification === 'red') return 1;
  if (qualification === 'yellow') return hasRedFlags ? 1 : 0.5;
  return hasRedFlags ? 0.5 : 0;
}

export function incidentPressure(incidents: { category: string; age_days: number }[], halfLifeDays: number): number {
  return incidents.reduce((sum, i) => sum + (INCIDENT_SEVERITY[i.category] ?? 0.5) * 0.5 ** (i.age_days / halfLifeDays), 0);
}
