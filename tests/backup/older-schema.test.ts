import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { appTables } from '../../server/backup/backup-tables.js';
import { restoreBackup, type RestoreSummary } from '../../server/backup/restore-backup.js';
import { writeBackup, type BackupSummary } from '../../server/backup/write-backup.js';
import { migrate, newestMigration, schemaVersion } from '../../server/db/migrate.js';
import { describeWithServer, newServerDatabase, scratchFolder, tableContents, type ScratchDatabase } from './backup-support.js';

/**
 * A backup taken by the previous version of the app (its schema one migration behind) restores
 * into this one: its schema is rebuilt, its rows loaded, then the newer migration applied.
 * Databases migrated to an older version are made from nothing, which on the embedded kind
 * takes 15 s; so both ends are new databases on the server (the SQL is the same on both kinds,
 * and round-trip.test.ts moves data across kinds).
 */
const NEWEST = newestMigration();
const PREVIOUS = NEWEST - 1;
const NEWEST_FILE = readdirSync(new URL('../../migrations/', import.meta.url)).find((f) => Number(f.split('.')[0]) === NEWEST);

let scratch: ReturnType<typeof scratchFolder>;
let older: ScratchDatabase;
let target: ScratchDatabase;
let written: BackupSummary;
let restored: RestoreSummary;

await describeWithServer(`a backup at migration ${PREVIOUS}, restored by an app at ${NEWEST}`, () => {
  beforeAll(async () => {
    scratch = scratchFolder();
    const file = join(scratch.dir, 'previous-version.backup');
    [older, target] = await Promise.all([newServerDatabase(), newServerDatabase()]);
    await migrate(older.db, PREVIOUS);
    await older.db.exec(`
      INSERT INTO zones (code, name, geom) VALUES ('ZEA-OLD', 'Zone of the previous version',
        ST_Multi(ST_GeomFromText('POLYGON((28.6 -2.3, 28.7 -2.3, 28.7 -2.2, 28.6 -2.2, 28.6 -2.3))', 4326)));
      INSERT INTO incidents (occurred_on, category, zone_id, sources, geom)
        SELECT '2023-07-14', 'illegal_taxation', id, '[{"type": "media"}]', ST_SetSRID(ST_MakePoint(28.65, -2.25), 4326) FROM zones;
      INSERT INTO audit_log (actor, action, layer, record_id, before, after) SELECT 'import:old.geojson', 'import', 'zones', id, 'null', '{}' FROM zones;`);
    written = await writeBackup(older.db, file);
    restored = await restoreBackup(target.db, file);
  });

  afterAll(async () => {
    await Promise.all([older?.close(), target?.close()]);
    scratch?.remove();
  });

  it('was taken at the older schema', () => {
    expect(written.schema).toBe(PREVIOUS);
    expect(restored.from.schema).toBe(PREVIOUS);
  });

  it('gets the newer migration after its rows', async () => {
    expect(restored.laterMigrations).toEqual([NEWEST_FILE]);
    expect(restored.schema).toBe(NEWEST);
    expect(await schemaVersion(target.db)).toBe(NEWEST);
    // The same tables as a database migrated to the newest from nothing.
    await migrate(older.db);
    expect((await appTables(target.db)).map((t) => t.name)).toEqual((await appTables(older.db)).map((t) => t.name));
  });

  it('keeps every row it had', async () => {
    const [original, copy] = await Promise.all([tableContents(older.db), tableContents(target.db)]);
    for (const [table, rows] of original) {
      if (table !== 'data_version') expect(copy.get(table), table).toEqual(rows);
    }
    expect(copy.get('incidents')).toHaveLength(1);
  });
});
