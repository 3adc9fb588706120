// Before `npm start`, `npm run serve` and the command-line tools: builds the parts named
// (both by default) when their build is missing or older than the sources, so that these run
// the built files with plain node. Silent when the build is fresh. Writes to standard error
// only, as the tools' standard output may be piped (`npm run accounts -- create …`).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { canBuild, PARTS, ROOT, staleness } from './build-parts.mjs';

const names = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(PARTS);
const stale = names.map((name) => ({ name, why: staleness(name) })).filter((part) => part.why);
if (stale.length === 0) process.exit(0);

const reasons = stale.map((part) => `${part.name}: ${part.why}`).join('; ');
if (!canBuild()) {
  console.error(
    `The build needs making (${reasons}), but TypeScript and Vite, which make it, are not installed ` +
      `(\`npm ci --omit=dev\` leaves them out).\n` +
      `Build where the development dependencies are: \`npm ci && npm run build\`, then \`npm prune --omit=dev\` if they must go; ` +
      `or, to run the build that is there as it is: \`node dist/server/main.js\` (README, "A deployment recipe").`,
  );
  process.exit(1);
}
console.error(`Building first (${reasons})…`);
const { status } = spawnSync(process.execPath, [join(ROOT, 'scripts/build.mjs'), ...stale.map((part) => part.name)], { cwd: ROOT, stdio: ['ignore', 2, 2] });
process.exit(status ?? 1);
