import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/open-database.js';

/** Issue 16: a DATA_DIR the embedded database cannot write ends start-up with the folder's name and the fix. */
const scratch = mkdtempSync(join(tmpdir(), 'riskmap-datadir-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('opening the embedded database', () => {
  it('names the folder and the fix when DATA_DIR cannot be written', async () => {
    // Tests run as root, which every permission lets through; a folder under a file cannot be made by anyone.
    const file = join(scratch, 'not-a-folder');
    writeFileSync(file, '');
    const dataDir = join(file, 'pglite');
    await expect(openDatabase({ dataDir })).rejects.toThrow(new RegExp(`cannot write to its folder ${dataDir} \\(ENOTDIR\\).*DATA_DIR`));
  });
});
