import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupHeader } from '../../server/backup/backup-format.js';
import { writeBackup } from '../../server/backup/write-backup.js';
import { openTestApp, type TestApp } from '../support/test-app.js';
import { scratchFolder } from './backup-support.js';

/**
 * A backup taken while the app goes on writing holds every table as of one instant. The write
 * comes after the first table is in the file and before the incidents and the audit log are
 * read: a backup reading each table at its own moment would hold an incident without its
 * audit entry, or the other way round. On the server the write runs on another connection
 * meanwhile; embedded, PGlite's one connection makes it wait for the backup to end.
 */
const scratch = scratchFolder();
const file = join(scratch.dir, 'while-writing.backup');
let t: TestApp;

const incident = (category: string) => ({
  method: 'POST' as const,
  url: '/api/incidents',
  payload: {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [28.6, -2.2] },
    properties: { occurred_on: '2024-06-01', category, source: 'test', source_id: category },
  },
});

beforeAll(async () => {
  t = await openTestApp();
  expect((await t.app.inject(incident('extortion'))).statusCode).toBe(201);
});
afterAll(async () => {
  await t?.close();
  scratch.remove();
});

describe('a backup while the app writes', () => {
  it('holds the tables as of its start, none with the write made meanwhile', async () => {
    let write: Promise<{ statusCode: number }> | undefined;
    const order: string[] = [];
    await writeBackup(t.db, file, {
      onTable: async (table) => {
        order.push(table);
        if (order.length !== 1) return;
        write = t.app.inject(incident('killing'));
        if (t.db.kind === 'postgres') expect((await write).statusCode).toBe(201);
      },
    });
    expect((await write)!.statusCode).toBe(201);
    expect(order.indexOf('incidents')).toBeGreaterThan(0);
    expect(order.indexOf('audit_log')).toBeGreaterThan(0);

    const [head, ...rows] = gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n');
    const header = JSON.parse(head!) as BackupHeader;
    const rowsOf = (name: string) => {
      const start = header.tables
        .slice(
          0,
          header.tables.findIndex((x) => x.name === name),
        )
        .reduce((n, x) => n + x.rows, 0);
      return rows.slice(start, start + header.tables.find((x) => x.name === name)!.rows).map((line) => JSON.parse(line) as Record<string, string>);
    };
    expect(rowsOf('incidents').map((r) => r.category)).toEqual(['extortion']);
    expect(rowsOf('audit_log').map((r) => r.action)).toEqual(['create']);
    // The write did happen, and shows in the next backup.
    const [now] = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM incidents`);
    expect(now!.n).toBe(2);
  });
});
