import { linkSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/**
 * PGlite does not lock its data folder: it writes a postmaster.pid with a made-up pid (-42)
 * that a second PGlite overwrites without a word, and two processes writing one folder
 * corrupt it. So the app keeps its own lock file there: "<pid> <host> <boot id>" of the
 * process that has the folder open.
 */
export const LOCK_FILE = 'riskmap.lock';

export interface DataDirLock {
  release(): void;
}

export class DataDirLockedError extends Error {}

/** Folders this process holds: its own pid in a lock file is then a second open, not a leftover. */
const heldHere = new Set<string>();

/** Linux's id of this boot: a lock from before a reboot is stale whatever process has its pid now. */
function bootId(): string {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return '-';
  }
}

/** Whether a process of this machine is running (the test logs' cleanup asks the same of a run). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user, which still holds the folder.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether a lock file names a process that is gone, as far as this machine can tell. */
function isStale(content: string, lockPath: string): boolean {
  const [pidText, host, boot] = content.trim().split(/\s+/);
  const pid = Number(pidText);
  // Another machine's process (a folder on a network share) cannot be checked from here: held.
  if (!Number.isInteger(pid) || pid <= 0 || host !== hostname()) return false;
  if (boot && boot !== '-' && boot !== bootId()) return true;
  // A container restarted after a crash runs the app under the same pid (often 1) as before.
  if (pid === process.pid) return !heldHere.has(lockPath);
  return !isAlive(pid);
}

/**
 * Takes the data folder for this process, or throws a DataDirLockedError naming who holds it.
 * The lock file appears whole (written aside, then hard-linked into place, which fails if the
 * name exists), so a second opener never reads it half-written. A lock left by a process that
 * died is taken over.
 */
export function lockDataDir(dataDir: string): DataDirLock {
  const lockPath = join(dataDir, LOCK_FILE);
  const mine = `${process.pid} ${hostname()} ${bootId()}\n`;
  const aside = join(dataDir, `${LOCK_FILE}.${process.pid}`);
  writeFileSync(aside, mine, { mode: 0o644 });
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        linkSync(aside, lockPath);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      let held = '';
      try {
        held = readFileSync(lockPath, 'utf8');
      } catch {
        continue; // released between our link and our read: try again
      }
      if (!isStale(held, lockPath) || attempt > 0) {
        const [pid = '?', host = '?'] = held.trim().split(/\s+/);
        throw new DataDirLockedError(
          `the embedded database in ${dataDir} is in use by process ${pid} on ${host} (${lockPath}). ` +
            `Stop the app first (only one process may open the embedded database), then run this again (if you are sure it is not running, delete that file).`,
        );
      }
      rmSync(lockPath, { force: true });
    }
  } finally {
    rmSync(aside, { force: true });
  }

  heldHere.add(lockPath);
  // A process that ends without closing the database (an uncaught error) still frees the folder.
  const onExit = () => release();
  process.once('exit', onExit);
  let released = false;
  function release(): void {
    if (released) return;
    released = true;
    heldHere.delete(lockPath);
    process.off('exit', onExit);
    try {
      if (readFileSync(lockPath, 'utf8') === mine) unlinkSync(lockPath);
    } catch {
      // already gone
    }
  }
  return { release };
}
