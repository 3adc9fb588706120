/** The administration endpoints (admins only on the server's side too). */
import { getJson, sendJson } from '../shared/api.js';
import type { Account } from '../../../server/auth/accounts.js';
import type { ApiToken } from '../../../server/auth/api-tokens.js';
import type { AUDITED, AuditRow as AuditEntry } from '../../../server/audit/audit-log.js';
import type { ExportLogRow as ExportEntry } from '../../../server/export/export-log.js';
import type { Role } from '../shared/messages-session.js';

/** What the server audits, in the order the filter offers them (a value import of the server's list would bring Fastify into the bundle). */
export const AUDITED_LAYERS = [
  'zones',
  'cooperatives',
  'claims',
  'presence',
  'incidents',
  'routes',
  'roadblocks',
  'sites',
  'permits',
  'cases',
  'accounts',
  'api_tokens',
  'sessions',
] as const satisfies readonly (typeof AUDITED)[number][];

/** The server's own shapes (type-only imports: no server code enters the bundle). */
export type { Account, ApiToken, AuditEntry, ExportEntry };

export interface Page {
  limit: number;
  offset: number;
}

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
  return search.toString();
}

export async function fetchAudit(filters: Page & { layer?: string; recordId?: number }, signal?: AbortSignal): Promise<AuditEntry[]> {
  const q = query({ layer: filters.layer, record_id: filters.recordId, limit: filters.limit, offset: filters.offset });
  return (await getJson<{ entries: AuditEntry[] }>(`api/audit?${q}`, signal)).entries;
}

export async function fetchExports(page: Page, signal?: AbortSignal): Promise<ExportEntry[]> {
  return (await getJson<{ entries: ExportEntry[] }>(`api/audit/exports?${query({ ...page })}`, signal)).entries;
}

export async function fetchAccounts(signal?: AbortSignal): Promise<Account[]> {
  return (await getJson<{ accounts: Account[] }>('api/accounts', signal)).accounts;
}

export function createAccount(body: { username: string; role: Role; display_name?: string; password?: string }): Promise<Account> {
  return sendJson<Account>('POST', 'api/accounts', body);
}

export function updateAccount(id: number, change: { role?: Role; display_name?: string | null; password?: string; disabled?: boolean }): Promise<Account> {
  return sendJson<Account>('PATCH', `api/accounts/${id}`, change);
}

export async function fetchTokens(accountId: number, signal?: AbortSignal): Promise<ApiToken[]> {
  return (await getJson<{ tokens: ApiToken[] }>(`api/accounts/${accountId}/tokens`, signal)).tokens;
}

export function issueToken(accountId: number, body: { name: string; expires_in_days?: number }): Promise<ApiToken & { token: string }> {
  return sendJson<ApiToken & { token: string }>('POST', `api/accounts/${accountId}/tokens`, body);
}

export function revokeToken(id: number): Promise<ApiToken> {
  return sendJson<ApiToken>('DELETE', `api/tokens/${id}`);
}
