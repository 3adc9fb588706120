import type { Queryable } from '../db/database.js';
import type { ExportRequest } from './export-params.js';

/** One row per export, written before the first byte leaves: an aborted download is still a disclosure. */
export async function logExport(db: Queryable, entry: { request: ExportRequest; requestedBy: string; clientAddress: string | undefined; featureCount: number }): Promise<void> {
  const { request } = entry;
  await db.query(
    `INSERT INTO export_log (requested_by, client_address, profile, format, layers, filters, feature_count)
     VALUES ($1, $2, $3, $4, $5::text[], $6::jsonb, $7)`,
    [
      entry.requestedBy,
      entry.clientAddress ?? null,
      request.profile,
      request.format,
      request.layers,
      JSON.stringify({ bbox: request.bbox ?? null, polygon: request.polygon ?? null, from: request.from ?? null, to: request.to ?? null }),
      entry.featureCount,
    ],
  );
}

export interface ExportLogRow {
  id: number;
  exported_at: string;
  requested_by: string;
  client_address: string | null;
  profile: string;
  format: string;
  layers: string[];
  filters: Record<string, unknown>;
  feature_count: number;
}

export async function readExportLog(db: Queryable, page: { limit: number; offset: number }): Promise<ExportLogRow[]> {
  return db.query<ExportLogRow>(
    `SELECT id, exported_at, requested_by, client_address, profile, format, layers, filters, feature_count
     FROM export_log ORDER BY id DESC LIMIT $1::int OFFSET $2::int`,
    [page.limit, page.offset],
  );
}
