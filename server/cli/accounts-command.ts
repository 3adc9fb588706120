import { randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { recordChange } from '../audit/audit-log.js';
import { createAccount, findAccountByName, listAccounts, updateAccount } from '../auth/accounts.js';
import { getToken, issueToken, listTokens, revokeToken } from '../auth/api-tokens.js';
import { ROLES, type Role } from '../auth/roles.js';
import type { Database } from '../db/database.js';
import { HttpError } from '../http/errors.js';

export const USAGE = `npm run accounts -- <command>

  create <username> --role <${ROLES.join('|')}> [--name "Display name"] [--password-stdin | --no-password]
      Without --password-stdin a strong password is generated and printed once.
      --no-password makes an account for scripts, reached by API tokens only.
  list
  token <username> --for "what the token is for" [--expires-days N]
      Prints the token once; the database keeps only its hash.
  tokens [<username>]
  revoke <token id>
  disable <username>
  enable <username>`;

export interface CommandIo {
  out(line: string): void;
  /** All of standard input, for --password-stdin. */
  readStdin(): Promise<string>;
}

function generatedPassword(): string {
  return randomBytes(15).toString('base64url');
}

/** The audit log names the operating-system user who ran the command. */
function cliActor(): string {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // a container without a passwd entry: the command still runs, under an honest name
  }
  return `cli:${user}`;
}

async function accountNamed(db: Database, username: string | undefined) {
  if (!username) throw new Error(`a username is needed\n\n${USAGE}`);
  const account = await findAccountByName(db, username);
  if (!account) throw new Error(`no account named '${username}'`);
  return account;
}

/** Runs one `npm run accounts` command against an open, migrated database. Throws with words on bad input. */
export async function runAccountsCommand(db: Database, argv: readonly string[], io: CommandIo): Promise<void> {
  const { positionals, values } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      name: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      'no-password': { type: 'boolean' },
      for: { type: 'string' },
      'expires-days': { type: 'string' },
    },
  });
  const [command, subject] = positionals;
  const actor = cliActor();
  try {
    switch (command) {
      case 'create': {
        if (!subject) throw new Error(`a username is needed\n\n${USAGE}`);
        if (!values.role || !(ROLES as readonly string[]).includes(values.role)) throw new Error(`--role must be one of: ${ROLES.join(', ')}`);
        let password: string | undefined;
        let generated = false;
        if (values['password-stdin']) password = (await io.readStdin()).replace(/\r?\n$/, '');
        else if (!values['no-password']) [password, generated] = [generatedPassword(), true];
        const account = await db.transaction(async (tx) => {
          const created = await createAccount(tx, { username: subject, role: values.role as Role, display_name: values.name ?? null, password });
          await recordChange(tx, { actor, action: 'create', layer: 'accounts', recordId: created.id, before: null, after: created });
          return created;
        });
        io.out(`Created ${account.role} '${account.username}' (id ${account.id}).`);
        if (generated) io.out(`Password (shown once, change it after the first sign-in): ${password}`);
        return;
      }
      case 'list': {
        for (const a of await listAccounts(db)) {
          io.out(
            `${String(a.id).padStart(4)}  ${a.username.padEnd(24)} ${a.role.padEnd(8)} ${a.disabled_at ? 'disabled' : 'enabled'}${a.has_password ? '' : '  (tokens only)'}`,
          );
        }
        return;
      }
      case 'token': {
        const account = await accountNamed(db, subject);
        if (!values.for) throw new Error('--for "what the token is for" is needed: a token without a purpose cannot be judged when it is time to revoke it');
        const days = values['expires-days'] === undefined ? undefined : Number(values['expires-days']);
        const issued = await db.transaction(async (tx) => {
          const result = await issueToken(tx, account.id, values.for!, days);
          await recordChange(tx, { actor, action: 'create', layer: 'api_tokens', recordId: result.record.id, before: null, after: result.record });
          return result;
        });
        io.out(
          `Token #${issued.record.id} for ${account.username} (${account.role})${issued.record.expires_at ? `, expires ${issued.record.expires_at}` : ', no expiry'}:`,
        );
        io.out(issued.token);
        io.out('Shown once. Send it as "Authorization: Bearer <token>".');
        return;
      }
      case 'tokens': {
        const account = subject ? await accountNamed(db, subject) : undefined;
        for (const t of await listTokens(db, account?.id)) {
          const state = t.revoked_at ? `revoked ${t.revoked_at}` : t.expires_at ? `expires ${t.expires_at}` : 'no expiry';
          io.out(`${String(t.id).padStart(4)}  account ${t.account_id}  ${t.prefix}…  ${t.name}  (${state})`);
        }
        return;
      }
      case 'revoke': {
        const id = Number(subject);
        if (!Number.isInteger(id) || id < 1) throw new Error('revoke needs the token id (see `npm run accounts -- tokens`)');
        const after = await db.transaction(async (tx) => {
          const before = await getToken(tx, id);
          const revoked = await revokeToken(tx, id);
          await recordChange(tx, { actor, action: 'update', layer: 'api_tokens', recordId: id, before, after: revoked });
          return revoked;
        });
        io.out(`Token #${after.id} revoked at ${after.revoked_at}.`);
        return;
      }
      case 'disable':
      case 'enable': {
        const account = await accountNamed(db, subject);
        const after = await db.transaction(async (tx) => {
          const changed = await updateAccount(tx, account.id, { disabled: command === 'disable' });
          await recordChange(tx, { actor, action: 'update', layer: 'accounts', recordId: account.id, before: account, after: changed });
          return changed;
        });
        io.out(`${after.username} is ${after.disabled_at ? 'disabled' : 'enabled'}.`);
        return;
      }
      default:
        throw new Error(command ? `unknown command '${command}'\n\n${USAGE}` : USAGE);
    }
  } catch (error) {
    // The store's HTTP errors carry the same words a person at a terminal needs.
    if (error instanceof HttpError) throw new Error(error.message, { cause: error });
    throw error;
  }
}
