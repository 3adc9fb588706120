import type { FastifyRequest } from 'fastify';
import { actorName } from '../auth/caller.js';
import type { Queryable } from '../db/database.js';
import { logBulkRead, type ReadVia } from './export-log.js';

/** A page of records read by a partner, through the layer API, the OGC API or map tiles, into the export log (issue 16). */
export async function logPartnerRead(
  db: Queryable,
  request: FastifyRequest,
  read: { via: ReadVia; profile: string; layer: string; filters: Record<string, unknown>; featureCount: number },
): Promise<void> {
  if (request.caller?.role !== 'partner') return;
  const filters = Object.fromEntries(Object.entries(read.filters).filter(([, value]) => value !== undefined));
  await logBulkRead(db, { ...read, filters, requestedBy: actorName(request.caller), clientAddress: request.ip });
}
