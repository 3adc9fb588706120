import { configFromEnv } from '../config.js';
import { migrate } from '../db/migrate.js';
import { openDatabase } from '../db/open-database.js';

/** `npm run migrate`: brings the configured database to the newest migration. */
const db = await openDatabase(configFromEnv());
try {
  const result = await migrate(db);
  console.log(result.applied.length ? `Applied ${result.applied.join(', ')}; schema at ${result.version}.` : `Nothing to apply; schema at ${result.version}.`);
} finally {
  await db.close();
}
