import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Database } from '../db/database.js';
import { LAYER_NAMES } from '../layers/layer-definition.js';
import { readAuditLog } from './audit-log.js';

const auditQuery = Type.Object(
  {
    layer: Type.Optional(Type.Enum([...LAYER_NAMES])),
    record_id: Type.Optional(Type.Integer({ minimum: 1 })),
    limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
    offset: Type.Integer({ minimum: 0, default: 0 }),
  },
  { additionalProperties: false },
);

/** The audit trail, newest first; read-only here and append-only in the database. Admin-only once accounts exist. */
export async function auditRoutes(app: FastifyInstance, options: { db: Database }): Promise<void> {
  app.get<{ Querystring: { layer?: string; record_id?: number; limit: number; offset: number } }>(
    '/api/audit',
    { schema: { tags: ['audit'], summary: 'Every change to the layers: who, when, which record, before and after', querystring: auditQuery } },
    async (request) => {
      const { layer, record_id, limit, offset } = request.query;
      return { entries: await readAuditLog(options.db, { layer, recordId: record_id, limit, offset }) };
    },
  );
}
