import { readFileSync } from 'node:fs';
import { Duplex, Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { Decrypter, Encrypter } from 'age-encryption';

/**
 * Backups are encrypted in the age format (age-encryption.org), so that any `age` tool can
 * open one without this app: with a passphrase (scrypt) or to public keys (`age1…`).
 */
export const AGE_MAGIC = 'age-encryption.org/v1\n';

/** Shorter passphrases fall to an offline guesser that holds a copy of the file. */
export const MIN_PASSPHRASE_LENGTH = 10;

export type EncryptTo =
  | { passphrase: string; /** log2 of scrypt's work; age's default (18) unless a test needs speed. */ scryptWorkFactor?: number }
  | { recipients: readonly string[] };

export interface DecryptWith {
  passphrase?: string;
  /** age identities (`AGE-SECRET-KEY-1…`), as in an identity file. */
  identities?: readonly string[];
}

export class DecryptionError extends Error {}
export class EncryptionSetupError extends Error {}

/** An Encrypter for `to`, or an EncryptionSetupError: callers check their options with it before any work. */
export function encrypter(to: EncryptTo): Encrypter {
  const e = new Encrypter();
  if ('passphrase' in to) {
    if (to.passphrase.length < MIN_PASSPHRASE_LENGTH) {
      throw new EncryptionSetupError(`the passphrase must be at least ${MIN_PASSPHRASE_LENGTH} characters (4–5 random words make a good one)`);
    }
    e.setPassphrase(to.passphrase);
    if (to.scryptWorkFactor !== undefined) e.setScryptWorkFactor(to.scryptWorkFactor);
    return e;
  }
  if (!to.recipients.length) throw new EncryptionSetupError('no recipient to encrypt to');
  for (const recipient of to.recipients) {
    try {
      e.addRecipient(recipient);
    } catch (error) {
      throw new EncryptionSetupError(`'${recipient}' is not an age recipient (age1…): ${(error as Error).message}`);
    }
  }
  return e;
}

/**
 * A stream stage that encrypts what goes through it, for a `pipeline`. Recipients are checked
 * here, before any data flows, so that a typo fails before the backup starts.
 */
export async function encryptingStage(to: EncryptTo): Promise<Duplex> {
  const e = encrypter(to);
  const input = new TransformStream<Uint8Array, Uint8Array>();
  const output = await e.encrypt(input.readable);
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- tsc needs it: the web stream's type is not Node's
  return Duplex.fromWeb({ writable: input.writable, readable: output as unknown as NodeReadableStream }, { objectMode: false });
}

/** True when the first bytes of a file are an age header. */
export function isAgeEncrypted(start: Uint8Array): boolean {
  return Buffer.from(start.subarray(0, AGE_MAGIC.length)).toString('latin1') === AGE_MAGIC;
}

/**
 * The plaintext of an age stream. The header is opened before this resolves, so a wrong
 * passphrase or key is known before anything is read further, let alone written.
 */
export async function decrypting(encrypted: Readable, keys: DecryptWith): Promise<Readable> {
  const d = new Decrypter();
  if (keys.passphrase) d.addPassphrase(keys.passphrase);
  for (const identity of keys.identities ?? []) {
    try {
      d.addIdentity(identity);
    } catch (error) {
      throw new DecryptionError(`not an age identity (AGE-SECRET-KEY-1…): ${(error as Error).message}`);
    }
  }
  if (!keys.passphrase && !keys.identities?.length) throw new DecryptionError('the backup is encrypted: give its passphrase or --identity FILE');
  let plain: ReadableStream<Uint8Array>;
  try {
    plain = await d.decrypt(Readable.toWeb(encrypted) as unknown as ReadableStream<Uint8Array>);
  } catch (error) {
    const message = (error as Error).message;
    if (/no identity matched/.test(message)) {
      throw new DecryptionError(
        keys.passphrase
          ? 'cannot decrypt the backup: wrong passphrase (or it was encrypted to a key: use --identity FILE)'
          : 'cannot decrypt the backup: none of the given identities is one it was encrypted to (or it was encrypted with a passphrase)',
      );
    }
    throw new DecryptionError(`cannot decrypt the backup: ${message}`);
  }
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- tsc needs it: the web stream's type is not Node's
  return Readable.fromWeb(plain as unknown as NodeReadableStream);
}

/** The identities of an age identity file: one per line, `#` comments and blank lines skipped. */
export function readIdentityFile(path: string): string[] {
  const identities = readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  if (!identities.length) throw new DecryptionError(`${path} holds no age identity (AGE-SECRET-KEY-1…)`);
  return identities;
}
