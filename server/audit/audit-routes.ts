import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Database } from '../db/database.js';
import { readExportLog } from '../export/export-log.js';
import { offsetParam, recordIdParam } from '../http/paging-params.js';
import { AUDITED, readAuditLog } from './audit-log.js';

const page = {
  limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
  offset: offsetParam('entries to skip'),
};
const auditQuery = Type.Object(
  {
    layer: Type.Optional(Type.Enum([...AUDITED])),
    record_id: Type.Optional(recordIdParam('only the changes to this record')),
    ...page,
  },
  { additionalProperties: false },
);

/** The audit trail and the export log, newest first: read-only here, append-only in the database, admins only (route-access.ts). */
export async function auditRoutes(app: FastifyInstance, options: { db: Database }): Promise<void> {
  app.get<{ Querystring: { layer?: string; record_id?: number; limit: number; offset: number } }>(
    '/api/audit',
    { schema: { tags: ['audit'], summary: 'Every change to the layers and accounts: who, when, which record, before and after', querystring: auditQuery } },
    async (request) => {
      const { layer, record_id, limit, offset } = request.query;
      return { entries: await readAuditLog(options.db, { layer, recordId: record_id, limit, offset }) };
    },
  );

  app.get<{ Querystring: { limit: number; offset: number } }>(
    '/api/audit/exports',
    {
      schema: {
        tags: ['audit'],
        summary: 'Every export: who, when, which layers, profile and filters, how many records',
        querystring: Type.Object(page, { additionalProperties: false }),
      },
    },
    async (request) => ({ entries: await readExportLog(options.db, request.query) }),
  );
}
