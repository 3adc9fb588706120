import type { Feature } from 'geojson';
import type { Queryable } from '../db/database.js';
import { LAYER_NAMES } from '../layers/layer-definition.js';

/** Besides the layers, case files (issue 15; the whole file before and after) and account and token changes are audited too. (Here, not in audit-routes.ts, so the admin page can name them without Fastify.) */
export const AUDITED = [...LAYER_NAMES, 'cases', 'accounts', 'api_tokens', 'sessions'] as const;

export interface AuditEntry {
  actor: string;
  action: 'create' | 'update' | 'delete' | 'import';
  layer: string;
  recordId: number | null;
  before: unknown;
  after: unknown;
}

/** Written in the same transaction as the change: no change without its trace, no trace without its change. */
export async function recordChange(db: Queryable, entry: AuditEntry): Promise<void> {
  await db.query(`INSERT INTO audit_log (actor, action, layer, record_id, before, after) VALUES ($1, $2, $3, $4::bigint, $5::jsonb, $6::jsonb)`, [
    entry.actor,
    entry.action,
    entry.layer,
    entry.recordId,
    entry.before === undefined ? null : JSON.stringify(entry.before),
    entry.after === undefined ? null : JSON.stringify(entry.after),
  ]);
}

export interface AuditRow {
  id: number;
  changed_at: string;
  actor: string;
  action: string;
  layer: string;
  record_id: number | null;
  before: Feature | null;
  after: Feature | null;
}

export async function readAuditLog(db: Queryable, filters: { layer?: string; recordId?: number; limit: number; offset: number }): Promise<AuditRow[]> {
  return db.query<AuditRow>(
    `SELECT id, changed_at, actor, action, layer, record_id, before, after FROM audit_log
     WHERE ($1::text IS NULL OR layer = $1::text) AND ($2::bigint IS NULL OR record_id = $2::bigint)
     ORDER BY id DESC LIMIT $3::int OFFSET $4::int`,
    [filters.layer ?? null, filters.recordId ?? null, filters.limit, filters.offset],
  );
}
