import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { NotABackupError, parseHeader, type BackupHeader, type BackupTableEntry } from './backup-format.js';
import { decrypting, isAgeEncrypted, type DecryptWith } from './encryption.js';

/** A batch of rows is handed on at this many rows or bytes, whichever comes first. */
const BATCH_ROWS = 500;
const BATCH_BYTES = 4 * 1024 * 1024;

export interface BackupReader {
  file: string;
  header: BackupHeader;
  encrypted: boolean;
  /** The tables in the file's order, each with its rows (NDJSON lines) in batches. Read once, in order. */
  tables(): AsyncGenerator<{ table: BackupTableEntry; batches: AsyncGenerator<string[]> }>;
  close(): void;
}

function firstBytes(file: string, length: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(length);
    return buffer.subarray(0, readSync(fd, buffer, 0, length, 0));
  } finally {
    closeSync(fd);
  }
}

/**
 * Opens a backup file, decrypting it when it is an age file (`keys` is asked for only then,
 * so that nobody is prompted for a passphrase a plain file does not need), and reads its
 * header. Nothing but the header has been read when this resolves: a wrong passphrase, a
 * file that is not a backup, a damaged header all fail here, before a restore writes anything.
 */
export async function openBackup(file: string, keys: () => DecryptWith | Promise<DecryptWith>): Promise<BackupReader> {
  const start = firstBytes(file, 64);
  const encrypted = isAgeEncrypted(start);
  if (!encrypted && !(start[0] === 0x1f && start[1] === 0x8b))
    throw new NotABackupError(`${file} is not a backup file of this app (neither gzip nor age-encrypted)`);

  const raw = createReadStream(file);
  const streams: Readable[] = [raw];
  const close = () => streams.forEach((s) => s.destroy());
  try {
    const compressed = encrypted ? await decrypting(raw, await keys()) : raw;
    if (compressed !== raw) streams.push(compressed);
    const gunzip = createGunzip();
    streams.push(gunzip);
    // A read error of any stage (a damaged gzip, a tampered or cut age chunk) ends the lines
    // and is reported by the next read, rather than passing for the end of the file.
    let failure: Error | undefined;
    for (const s of streams) {
      s.on('error', (error: Error) => {
        failure ??= error;
        gunzip.destroy();
      });
    }
    compressed.pipe(gunzip);
    const lines = createInterface({ input: gunzip, crlfDelay: Infinity })[Symbol.asyncIterator]();

    const next = async (): Promise<string | undefined> => {
      let result: IteratorResult<string>;
      try {
        result = await lines.next();
      } catch (error) {
        failure ??= error as Error;
        result = { done: true, value: undefined };
      }
      if (failure) throw new NotABackupError(`${file} is damaged or cut short: ${failure.message}`);
      return result.done ? undefined : result.value;
    };
    const header = parseHeader(await next(), file);

    async function* batchesOf(table: BackupTableEntry): AsyncGenerator<string[]> {
      let batch: string[] = [];
      let bytes = 0;
      for (let i = 0; i < table.rows; i++) {
        const line = await next();
        if (line === undefined || !line.startsWith('{'))
          throw new NotABackupError(`${file} is damaged or cut short: ${table.name} has ${i} of its ${table.rows} rows`);
        batch.push(line);
        bytes += line.length;
        if (batch.length >= BATCH_ROWS || bytes >= BATCH_BYTES) {
          yield batch;
          batch = [];
          bytes = 0;
        }
      }
      if (batch.length) yield batch;
    }

    return {
      file,
      header,
      encrypted,
      async *tables() {
        for (const table of header.tables) yield { table, batches: batchesOf(table) };
        const extra = await next();
        if (extra !== undefined && extra.trim() !== '') throw new NotABackupError(`${file} is damaged: more rows than its header counts`);
      },
      close,
    };
  } catch (error) {
    close();
    throw error;
  }
}
