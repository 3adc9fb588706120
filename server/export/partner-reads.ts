import type { FastifyRequest } from 'fastify';
import { actorName } from '../auth/caller.js';
import type { Queryable } from '../db/database.js';
import { logBulkRead } from './export-log.js';

/** A page of records read by a partner, through the layer API or the OGC API, into the export log (issue 16). */
export async function logPartnerRead(
  db: Queryable,
  request: FastifyRequest,
  read: { via: 'layer-api' | 'ogc'; profile: string; layer: string; filters: Record<string, unknown>; featureCount: number },
): Promise<void> {
  if (request.caller?.role !== 'partner') return;
  const filters = Object.fromEntries(Object.entries(read.filters).filter(([, value]) => value !== undefined));
  await logBulkRead(db, { ...read, filters, requestedBy: actorName(request.caller), clientAddress: request.ip });
}
