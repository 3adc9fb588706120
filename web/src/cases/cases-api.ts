/**
 * The client of `/api/cases` (server/cases/case-routes.ts) and of the few layer records the
 * case pages draw. The answer types are the server's own (type-only imports).
 */
import type { Geometry } from 'geojson';
import type { CaseFile, CaseInput, CaseList, FollowUpList } from '../../../server/cases/case-schema.js';
import { fetchRecord, getJson, postJson } from '../shared/api.js';
import type { CaseFilters } from './case-address.js';

export type { CaseFile, CaseList, CaseStep, CaseSummary, FollowUpList, Party, Place, RecordRef } from '../../../server/cases/case-schema.js';

/** The list as the filters ask for it; a page of 200 is more than a working group follows at once. */
export function fetchCases(filters: CaseFilters, signal?: AbortSignal): Promise<CaseList> {
  const query = new URLSearchParams({ limit: '200' });
  for (const status of filters.status) query.append('status', status);
  for (const id of filters.claimIds) query.append('claim_id', String(id));
  for (const id of filters.zoneIds) query.append('zone_id', String(id));
  for (const id of filters.siteIds) query.append('site_id', String(id));
  if (filters.overdue) query.set('overdue', 'true');
  return getJson<CaseList>(`api/cases?${query}`, signal);
}

export function fetchCase(id: number, signal?: AbortSignal): Promise<CaseFile> {
  return getJson<CaseFile>(`api/cases/${id}`, signal);
}

/** The working group's list of overdue follow-ups; a 403 for anyone else. */
export function fetchOverdueFollowUps(signal?: AbortSignal): Promise<FollowUpList> {
  return getJson<FollowUpList>('api/cases/follow-ups?overdue=true', signal);
}

export function createCase(input: CaseInput): Promise<CaseFile> {
  return postJson<CaseFile>('api/cases', input);
}

/** A layer record with its geometry and properties, as the caller's profile sees it; null if it cannot be read. */
export async function fetchShape(
  layer: 'claims' | 'zones' | 'sites' | 'presence' | 'incidents',
  id: number,
  signal?: AbortSignal,
): Promise<{ geometry: Geometry | null; properties: Record<string, unknown> } | null> {
  try {
    const feature = await fetchRecord(layer, id, null, signal);
    return { geometry: feature.geometry, properties: feature.properties ?? {} };
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    return null;
  }
}
