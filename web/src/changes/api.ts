/**
 * The one endpoint the page calls, `GET /api/analysis/changes` (README, "Analysis"), and the
 * shape of its answer, taken from the server's schema (type-only: no server code enters the bundle).
 */
import type { Changes } from '../../../server/analysis/changes/changes-schema.js';
import { getJson } from '../shared/api.js';
import { changesSearch, type ChangesQuery } from './query.js';

export type { Change, Changes } from '../../../server/analysis/changes/changes-schema.js';

export function fetchChanges(query: ChangesQuery, signal?: AbortSignal): Promise<Changes> {
  return getJson<Changes>(`api/analysis/changes?${changesSearch(query)}`, signal);
}
