// `npm run build [server|web]`: the server compiled by tsc to dist/server/, the pages built by Vite
// to web/dist/ (both when no part is named). Each part leaves a stamp in dist/ that
// scripts/ensure-build.mjs compares with the sources.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PARTS, ROOT } from './build-parts.mjs';

const names = process.argv.slice(2);
for (const name of names) {
  if (!(name in PARTS)) {
    console.error(`unknown part '${name}': the parts are ${Object.keys(PARTS).join(' and ')}`);
    process.exit(2);
  }
}

for (const name of names.length ? names : Object.keys(PARTS)) {
  const part = PARTS[name];
  // The start of the build, not its end: a source saved while it runs must make the next start build again.
  const startedAt = new Date();
  const stamp = join(ROOT, part.stamp);
  rmSync(stamp, { force: true });
  // Emptied first so that a module removed from the sources does not linger in the build.
  if (name === 'server') rmSync(join(ROOT, 'dist/server'), { recursive: true, force: true });
  console.error(`building the ${name}: ${part.command.slice(1).join(' ')}`);
  const { status, signal } = spawnSync(process.execPath, part.command, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  if (status !== 0) {
    console.error(`the ${name} build failed (${signal ?? `exit ${status}`})`);
    process.exit(status || 1);
  }
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  writeFileSync(stamp, `${startedAt.toISOString()}\n`);
  utimesSync(stamp, startedAt, startedAt);
}
