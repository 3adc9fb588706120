import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirLockedError, LOCK_FILE, lockDataDir } from '../../server/db/data-dir-lock.js';
import { openDatabase } from '../../server/db/open-database.js';
import { scratchFolder } from './backup-support.js';

/**
 * PGlite lets two processes open one data folder (its postmaster.pid holds a made-up pid and
 * is overwritten), which corrupts it: a backup started while the app runs must be refused.
 */
const scratch = scratchFolder();
afterAll(() => scratch.remove());
let folders = 0;
const folder = () => {
  const dir = join(scratch.dir, `data-${folders++}`);
  mkdirSync(dir);
  return dir;
};

/** A pid no process has any more: one that has just ended. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

describe('the data folder lock', () => {
  it('names this process while held, refuses a second holder, and is gone once released', () => {
    const dir = folder();
    const lock = lockDataDir(dir);
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toMatch(new RegExp(`^${process.pid} ${hostname()} \\S+\n$`));
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir)).toThrow(new RegExp(`in use by process ${process.pid} on .*Stop the app first`));
    lock.release();
    expect(readdirSync(dir)).toEqual([]);
    lockDataDir(dir).release();
  });

  it('takes over a lock whose process is gone', () => {
    const dir = folder();
    writeFileSync(join(dir, LOCK_FILE), `${deadPid()} ${hostname()}\n`);
    const lock = lockDataDir(dir);
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toMatch(new RegExp(`^${process.pid} `));
    lock.release();
  });

  it('takes over a lock from before a reboot, or naming this very process (a container restarted after a crash)', () => {
    const beforeReboot = folder();
    writeFileSync(join(beforeReboot, LOCK_FILE), `${process.ppid} ${hostname()} 00000000-0000-0000-0000-000000000000\n`);
    lockDataDir(beforeReboot).release();
    const restarted = folder();
    writeFileSync(join(restarted, LOCK_FILE), `${process.pid} ${hostname()}\n`);
    lockDataDir(restarted).release();
    expect(readdirSync(restarted)).toEqual([]);
  });

  it('leaves alone a lock of a process it cannot see: another machine’s', () => {
    const dir = folder();
    writeFileSync(join(dir, LOCK_FILE), `${deadPid()} some-other-host\n`);
    expect(() => lockDataDir(dir)).toThrow(/in use by process \d+ on some-other-host/);
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toMatch(/some-other-host/);
  });

  it('on release, removes only its own lock', () => {
    const dir = folder();
    const lock = lockDataDir(dir);
    writeFileSync(join(dir, LOCK_FILE), `${process.ppid} ${hostname()}\n`);
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(true);
  });

  it('keeps openDatabase from starting the embedded database in a folder in use', async () => {
    const dir = folder();
    writeFileSync(join(dir, LOCK_FILE), `${process.ppid} ${hostname()}\n`);
    await expect(openDatabase({ dataDir: dir })).rejects.toThrow(/Stop the app first/);
    // Refused before PGlite wrote anything.
    expect(readdirSync(dir)).toEqual([LOCK_FILE]);
  });
});
