import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { recordChange } from '../audit/audit-log.js';
import type { Database, Queryable } from '../db/database.js';
import { conflict, forbidden } from '../http/errors.js';
import { createAccount, getAccount, isLastEnabledAdmin, listAccounts, updateAccount, type AccountChange, type NewAccount } from './accounts.js';
import { getToken, issueToken, listTokens, revokeToken } from './api-tokens.js';
import { actorName } from './caller.js';
import { ROLES } from './roles.js';

const role = Type.Enum([...ROLES]);
const idParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) });
const newAccountBody = Type.Object(
  {
    username: Type.String({ minLength: 2, maxLength: 63 }),
    role,
    display_name: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
    password: Type.Optional(Type.String({ maxLength: 1000, description: 'at least 12 characters; leave out for an account reached by API tokens only' })),
  },
  { additionalProperties: false },
);
const accountChangeBody = Type.Object(
  {
    role: Type.Optional(role),
    display_name: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
    password: Type.Optional(Type.String({ maxLength: 1000 })),
    disabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
const newTokenBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100, description: 'what the token is for, e.g. "nightly export to partner X"' }),
    expires_in_days: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650, description: 'leave out for a token that lasts until revoked' })),
  },
  { additionalProperties: false },
);

/**
 * Accounts and tokens are made by people who signed in: a demo visitor is nobody in
 * particular, and a token minted in the demo mode would outlive it (found in review).
 */
function refuseDemo(request: FastifyRequest): void {
  if (request.caller?.via === 'demo')
    throw forbidden('accounts and tokens cannot be made in the local demo mode: sign in with an admin account, or use `npm run accounts`');
}

/** The last enabled admin cannot lock everyone out of managing accounts. */
async function keepOneAdmin(db: Queryable, id: number, change: AccountChange): Promise<void> {
  const demoted = (change.role !== undefined && change.role !== 'admin') || change.disabled === true;
  if (!demoted) return;
  if (await isLastEnabledAdmin(db, id)) throw conflict('this is the last enabled admin: make another admin first');
}

/** Account and token management, for admins (route-access.ts). Every change goes to the audit log. */
export async function accountRoutes(app: FastifyInstance, options: { db: Database }): Promise<void> {
  const { db } = options;
  const tags = ['accounts'];

  app.get('/api/accounts', { schema: { tags, summary: 'Every account, with its role; never a password' } }, async () => ({ accounts: await listAccounts(db) }));

  app.post<{ Body: NewAccount }>('/api/accounts', { schema: { tags, summary: 'Create an account', body: newAccountBody } }, async (request, reply) => {
    refuseDemo(request);
    const account = await db.transaction(async (tx) => {
      const created = await createAccount(tx, request.body);
      await recordChange(tx, { actor: actorName(request.caller), action: 'create', layer: 'accounts', recordId: created.id, before: null, after: created });
      return created;
    });
    return reply.status(201).send(account);
  });

  app.patch<{ Params: { id: number }; Body: AccountChange }>(
    '/api/accounts/:id',
    {
      schema: {
        tags,
        summary: 'Change an account: role, name, password, or disable it (its sessions end, its tokens stop)',
        params: idParams,
        body: accountChangeBody,
      },
    },
    async (request) => {
      refuseDemo(request);
      return db.transaction(async (tx) => {
        const before = await getAccount(tx, request.params.id);
        await keepOneAdmin(tx, request.params.id, request.body);
        const after = await updateAccount(tx, request.params.id, request.body);
        const passwordChanged = request.body.password !== undefined;
        await recordChange(tx, {
          actor: actorName(request.caller),
          action: 'update',
          layer: 'accounts',
          recordId: after.id,
          before,
          after: { ...after, ...(passwordChanged ? { password: 'changed' } : {}) },
        });
        return after;
      });
    },
  );

  app.get<{ Params: { id: number } }>(
    '/api/accounts/:id/tokens',
    { schema: { tags, summary: "An account's API tokens (never the secrets)", params: idParams } },
    async (request) => {
      await getAccount(db, request.params.id);
      return { tokens: await listTokens(db, request.params.id) };
    },
  );

  app.post<{ Params: { id: number }; Body: { name: string; expires_in_days?: number } }>(
    '/api/accounts/:id/tokens',
    { schema: { tags, summary: 'Issue an API token; the secret is in this answer only', params: idParams, body: newTokenBody } },
    async (request, reply) => {
      refuseDemo(request);
      const issued = await db.transaction(async (tx) => {
        const result = await issueToken(tx, request.params.id, request.body.name, request.body.expires_in_days);
        await recordChange(tx, {
          actor: actorName(request.caller),
          action: 'create',
          layer: 'api_tokens',
          recordId: result.record.id,
          before: null,
          after: result.record,
        });
        return result;
      });
      return reply.status(201).send({ ...issued.record, token: issued.token });
    },
  );

  app.get('/api/tokens', { schema: { tags, summary: 'Every API token of every account (never the secrets)' } }, async () => ({ tokens: await listTokens(db) }));

  app.delete<{ Params: { id: number } }>(
    '/api/tokens/:id',
    { schema: { tags, summary: 'Revoke an API token: it stops working at once', params: idParams } },
    async (request) =>
      db.transaction(async (tx) => {
        const before = await getToken(tx, request.params.id);
        const after = await revokeToken(tx, request.params.id);
        await recordChange(tx, { actor: actorName(request.caller), action: 'update', layer: 'api_tokens', recordId: after.id, before, after });
        return after;
      }),
  );
}
