import { configFromEnv } from '../config.js';
import { openDatabase } from '../db/open-database.js';
import { exitCodeOf, runBackupCommand } from './backup-command.js';
import { readPassphrase } from './passphrase.js';

/** `npm run backup -- FILE [--encrypt | --recipient age1…] [--force]` (README, "Backup and restore"). */
try {
  await runBackupCommand(process.argv.slice(2), {
    out: (line) => console.log(line),
    env: process.env,
    readPassphrase,
    openDatabase: () => openDatabase(configFromEnv()),
  });
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = exitCodeOf(error);
}
