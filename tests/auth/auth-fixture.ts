import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { testLogger } from '../support/test-logger.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.js';
import { createAccount } from '../../server/auth/accounts.js';
import { issueToken } from '../../server/auth/api-tokens.js';
import type { AuthOptions } from '../../server/auth/auth-hooks.js';
import { ROLES, type Role } from '../../server/auth/roles.js';
import type { Database } from '../../server/db/database.js';
import { openTestDatabase } from '../support/test-database.js';

export const PASSWORD = 'correct horse battery staple';

export interface AuthFixture {
  app: FastifyInstance;
  db: Database;
  /** One API token per role, for `Authorization: Bearer`. */
  tokens: Record<Role, string>;
  accountIds: Record<Role, number>;
  /** Headers that make a request as this role (none for the anonymous caller). */
  as(who: Role | 'anonymous'): Record<string, string>;
  close(): Promise<void>;
}

/**
 * The real app in accounts mode (not the demo mode), with one account and one token per role
 * (usernames = role names, password PASSWORD), and a tiny web root so the page routes exist.
 */
export async function openAuthFixture(auth: Partial<AuthOptions> = {}, server: { trustProxy?: false | number | string } = {}): Promise<AuthFixture> {
  const webRoot = await mkdtemp(join(tmpdir(), 'riskmap-auth-web-'));
  await mkdir(join(webRoot, 'assets'));
  for (const page of ['index.html', 'login.html', 'priorities.html']) await writeFile(join(webRoot, page), `<!doctype html><title>${page}</title>`);
  await writeFile(join(webRoot, 'assets', 'app.js'), 'export {};');

  const db = await openTestDatabase();
  const app = await buildApp({
    db,
    webRoot,
    trustProxy: server.trustProxy,
    logger: testLogger(),
    auth: { demo: false, loginPerMinute: 1000, tokenRequestsPerMinute: 10_000, ...auth },
  });
  const tokens = {} as Record<Role, string>;
  const accountIds = {} as Record<Role, number>;
  for (const role of ROLES) {
    const account = await createAccount(db, { username: role, role, password: PASSWORD });
    accountIds[role] = account.id;
    tokens[role] = (await issueToken(db, account.id, `${role} test token`)).token;
  }
  return {
    app,
    db,
    tokens,
    accountIds,
    as: (who): Record<string, string> => (who === 'anonymous' ? {} : { authorization: `Bearer ${tokens[who]}` }),
    async close() {
      await app.close();
      await db.close();
      await rm(webRoot, { recursive: true, force: true });
    },
  };
}
