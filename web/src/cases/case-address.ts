/**
 * What the address asks the case page for: one case (`?id=3`), a new one (`?new=1&claim_id=4`),
 * or the list with its filters (`?status=mediation&overdue=true&claim_id=4&claim_id=9`), as the
 * map's contested zones link to it.
 */
import { CASE_STATUSES, type CaseStatus } from '../../../server/cases/case-vocabulary.js';

export interface CaseFilters {
  status: CaseStatus[];
  overdue: boolean;
  claimIds: number[];
  zoneIds: number[];
  siteIds: number[];
}

export type CaseAddress = { view: 'case'; id: number } | { view: 'new'; claimIds: number[]; zoneIds: number[] } | { view: 'list'; filters: CaseFilters };

const ids = (params: URLSearchParams, name: string) =>
  params
    .getAll(name)
    .map(Number)
    .filter((n) => Number.isSafeInteger(n) && n > 0);

export function readAddress(search: string): CaseAddress {
  const params = new URLSearchParams(search);
  const id = Number(params.get('id'));
  if (Number.isSafeInteger(id) && id > 0) return { view: 'case', id };
  if (params.get('new') === '1') return { view: 'new', claimIds: ids(params, 'claim_id'), zoneIds: ids(params, 'zone_id') };
  return {
    view: 'list',
    filters: {
      status: params.getAll('status').filter((s): s is CaseStatus => (CASE_STATUSES as readonly string[]).includes(s)),
      overdue: params.get('overdue') === 'true',
      claimIds: ids(params, 'claim_id'),
      zoneIds: ids(params, 'zone_id'),
      siteIds: ids(params, 'site_id'),
    },
  };
}

/** The list's address for these filters (kept in the address bar, so the view is a link). */
export function listSearch(filters: CaseFilters): string {
  const params = new URLSearchParams();
  for (const status of filters.status) params.append('status', status);
  if (filters.overdue) params.set('overdue', 'true');
  for (const id of filters.claimIds) params.append('claim_id', String(id));
  for (const id of filters.zoneIds) params.append('zone_id', String(id));
  for (const id of filters.siteIds) params.append('site_id', String(id));
  const text = params.toString();
  return text ? `?${text}` : '';
}

export const caseHref = (id: number) => `./cases.html?id=${id}`;
