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
