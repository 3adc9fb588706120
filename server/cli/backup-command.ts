import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { NotABackupError } from '../backup/backup-format.js';
import { DecryptionError, EncryptionSetupError, encrypter, readIdentityFile, type DecryptWith, type EncryptTo } from '../backup/encryption.js';
import { openBackup } from '../backup/read-backup.js';
import { RestoreRefusedError, restoreBackup } from '../backup/restore-backup.js';
import { BackupFileExistsError, writeBackup } from '../backup/write-backup.js';
import { DataDirLockedError } from '../db/data-dir-lock.js';
import type { Database } from '../db/database.js';

export const BACKUP_USAGE = `usage: npm run backup -- FILE [--encrypt | --recipient age1…] [--force]
  Writes a snapshot of the configured database (DATABASE_URL, else the embedded one in DATA_DIR) to FILE.
  --encrypt           encrypt with a passphrase: BACKUP_PASSPHRASE, else asked for (or the first line of standard input)
  --recipient age1…   encrypt to an age public key instead (repeat for several)
  --force             replace FILE if it exists`;

export const RESTORE_USAGE = `usage: npm run restore -- FILE [--identity KEYFILE]
  Restores FILE into the configured database, which must be empty.
  An encrypted FILE takes its passphrase from BACKUP_PASSPHRASE, else asks for it (or reads standard input's first line);
  --identity KEYFILE  an age identity file instead, for a backup encrypted to a public key`;

export interface BackupIo {
  out(line: string): void;
  env: NodeJS.ProcessEnv;
  /** Asked only when BACKUP_PASSPHRASE is unset and a passphrase is needed. */
  readPassphrase(prompt: string, confirm: boolean): Promise<string>;
  /** The configured database, opened only once the arguments and the file have been checked. */
  openDatabase(): Promise<Database>;
  /** Tests lower scrypt's work to stay fast; the command line always has age's default. */
  scryptWorkFactor?: number;
}

/** Wrong input rather than a failure: the command exits 2 with its one-line message. */
export class UsageError extends Error {}

const BAD_INPUT = [UsageError, BackupFileExistsError, NotABackupError, RestoreRefusedError, DecryptionError, EncryptionSetupError, DataDirLockedError];

/** 2 for input the operator can correct (a missing file, a wrong passphrase, a non-empty target), 1 for anything else. */
export function exitCodeOf(error: unknown): number {
  return BAD_INPUT.some((kind) => error instanceof kind) ? 2 : 1;
}

/** The options, or a one-line UsageError; `--help` is answered by the caller printing the usage. */
function parse(argv: readonly string[], usage: string, options: ParseArgsOptionsConfig) {
  const firstLine = usage.split('\n')[0]!;
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, options: { ...options, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]} (${firstLine})`);
  }
  if (parsed.values.help) return { help: true as const, file: '', values: {} };
  const [file, ...extra] = parsed.positionals;
  if (!file) throw new UsageError(`a backup FILE is needed (${firstLine})`);
  if (extra.length) throw new UsageError(`one FILE only, not also ${extra.join(' ')} (${firstLine})`);
  return { help: false as const, file, values: parsed.values as Record<string, string | string[] | boolean | undefined> };
}

async function passphrase(io: BackupIo, prompt: string, confirm: boolean): Promise<string> {
  let given = io.env.BACKUP_PASSPHRASE;
  if (given === undefined) {
    try {
      given = await io.readPassphrase(prompt, confirm);
    } catch (error) {
      throw new UsageError(`no passphrase: ${(error as Error).message}`);
    }
  }
  if (!given) throw new UsageError('no passphrase given (BACKUP_PASSPHRASE, or type it when asked)');
  return given;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const tableLine = (table: string, rows: number) => `  ${table.padEnd(20)} ${String(rows).padStart(8)} ${rows === 1 ? 'row' : 'rows'}`;

/** `npm run backup -- FILE …`: everything is checked before the database is opened. */
export async function runBackupCommand(argv: readonly string[], io: BackupIo): Promise<void> {
  const { help, file, values } = parse(argv, BACKUP_USAGE, {
    encrypt: { type: 'boolean' },
    recipient: { type: 'string', multiple: true },
    force: { type: 'boolean' },
  });
  if (help) return io.out(BACKUP_USAGE);
  if (existsSync(file) && !values.force) throw new UsageError(`${file} exists already: give another name, or --force to replace it`);
  if (!existsSync(dirname(file)) || !statSync(dirname(file)).isDirectory()) throw new UsageError(`no folder ${dirname(file)} to write ${file} into`);
  const recipients = (values.recipient as string[] | undefined) ?? [];
  let encrypt: EncryptTo | undefined;
  if (recipients.length) encrypt = { recipients };
  else if (values.encrypt) encrypt = { passphrase: await passphrase(io, 'Passphrase for the backup: ', true), scryptWorkFactor: io.scryptWorkFactor };
  if (encrypt) encrypter(encrypt); // a short passphrase or a mistyped key fails now, not after the database opened

  const db = await io.openDatabase();
  try {
    io.out(`Backing up the ${db.kind === 'postgres' ? 'PostgreSQL server' : 'embedded database'} to ${file}${encrypt ? ' (encrypted)' : ''}…`);
    const summary = await writeBackup(db, file, { encrypt, force: !!values.force, onTable: (table, rows) => io.out(tableLine(table, rows)) });
    io.out(
      `Backup written: ${summary.file}${summary.encrypted ? ', encrypted' : ''}: ${summary.tables} tables, ${summary.rows} rows, ` +
        `${formatBytes(summary.bytes)} in ${seconds(summary.milliseconds)}; schema at migration ${summary.schema}.`,
    );
  } finally {
    await db.close();
  }
}

/** `npm run restore -- FILE …`: the file is opened (and decrypted) before the database is. */
export async function runRestoreCommand(argv: readonly string[], io: BackupIo): Promise<void> {
  const { help, file, values } = parse(argv, RESTORE_USAGE, { identity: { type: 'string', multiple: true } });
  if (help) return io.out(RESTORE_USAGE);
  if (!existsSync(file) || !statSync(file).isFile()) throw new UsageError(`no file ${file}`);
  const identityFiles = (values.identity as string[] | undefined) ?? [];
  const keys = async (): Promise<DecryptWith> =>
    identityFiles.length
      ? {
          identities: identityFiles.flatMap((keyFile) => {
            if (!existsSync(keyFile)) throw new UsageError(`no identity file ${keyFile}`);
            return readIdentityFile(keyFile);
          }),
        }
      : { passphrase: await passphrase(io, `Passphrase of ${file}: `, false) };
  const reader = await openBackup(file, keys);
  let db: Database;
  try {
    db = await io.openDatabase();
  } catch (error) {
    reader.close();
    throw error;
  }
  try {
    const { header } = reader;
    io.out(
      `Restoring ${file} (${header.database}, migration ${header.schema}, taken ${header.created_at}) into the ${db.kind === 'postgres' ? 'PostgreSQL server' : 'embedded database'}…`,
    );
    const summary = await restoreBackup(db, reader, undefined, { onTable: (table, rows) => io.out(tableLine(table, rows)) });
    io.out(
      `Restored: ${summary.tables} tables, ${summary.rows} rows from ${formatBytes(summary.bytes)} in ${seconds(summary.milliseconds)}; schema at migration ${summary.schema}` +
        `${summary.laterMigrations.length ? ` (applied ${summary.laterMigrations.join(', ')} after the rows)` : ''}.`,
    );
  } finally {
    await db.close();
  }
}
