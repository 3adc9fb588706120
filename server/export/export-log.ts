import type { Queryable } from '../db/database.js';
import type { ExportRequest } from './export-params.js';

/** The ways a partner reads records besides an export: pages of the layer API or the OGC API, map tiles. */
export type ReadVia = 'layer-api' | 'ogc' | 'tiles';

/** One row of the export log, as written: every way records leave goes through here. */
interface LogEntry {
  requestedBy: string;
  clientAddress: string | undefined;
  profile: string;
  format: string;
  layers: string[];
  filters: Record<string, unknown>;
  featureCount: number;
  via: ExportLogRow['via'];
}

async function insertLogRow(db: Queryable, entry: LogEntry): Promise<void> {
  await db.query(
    `INSERT INTO export_log (requested_by, client_address, profile, format, layers, filters, feature_count, via)
     VALUES ($1, $2, $3, $4, $5::text[], $6::jsonb, $7, $8)`,
    [entry.requestedBy, entry.clientAddress ?? null, entry.profile, entry.format, entry.layers, JSON.stringify(entry.filters), entry.featureCount, entry.via],
  );
}

/** One row per export, written before the first byte leaves: an aborted download is still a disclosure. */
export async function logExport(
  db: Queryable,
  entry: { request: ExportRequest; requestedBy: string; clientAddress: string | undefined; featureCount: number },
): Promise<void> {
  const { request, ...who } = entry;
  await insertLogRow(db, {
    ...who,
    profile: request.profile,
    format: request.format,
    layers: request.layers,
    filters: { bbox: request.bbox ?? null, polygon: request.polygon ?? null, from: request.from ?? null, to: request.to ?? null },
    via: 'export',
  });
}

/**
 * A partner's page of records through the layer API or the OGC API: logged like an export
 * (who, which layer, with which filters, how many), since a script can page through a layer
 * as surely as it can download it.
 */
export async function logBulkRead(
  db: Queryable,
  entry: {
    via: ReadVia;
    requestedBy: string;
    clientAddress: string | undefined;
    profile: string;
    layer: string;
    filters: Record<string, unknown>;
    featureCount: number;
  },
): Promise<void> {
  const { layer, ...rest } = entry;
  await insertLogRow(db, { ...rest, format: 'geojson', layers: [layer] });
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
  /** How the records left: an export, or a partner's read of the layer API or the OGC API. */
  via: 'export' | ReadVia;
}

export async function readExportLog(db: Queryable, page: { limit: number; offset: number }): Promise<ExportLogRow[]> {
  return db.query<ExportLogRow>(
    `SELECT id, exported_at, requested_by, client_address, profile, format, layers, filters, feature_count, via
     FROM export_log ORDER BY id DESC LIMIT $1::int OFFSET $2::int`,
    [page.limit, page.offset],
  );
}
