import { text } from 'node:stream/consumers';
import { configFromEnv } from '../config.js';
import { migrate } from '../db/migrate.js';
import { openDatabase } from '../db/open-database.js';
import { runAccountsCommand } from './accounts-command.js';

/** `npm run accounts -- …`: the first admin, API tokens, and accounts from a terminal (README, "Accounts"). */
const db = await openDatabase(configFromEnv());
try {
  await migrate(db);
  await runAccountsCommand(db, process.argv.slice(2), { out: (line) => console.log(line), readStdin: () => text(process.stdin) });
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.close();
}
