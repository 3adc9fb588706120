// What `npm run build` makes, from what, and how: shared by scripts/build.mjs and scripts/ensure-build.mjs.
// Plain JavaScript on Node's own modules, so that a fresh build is recognised after `npm ci --omit=dev`.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * The two parts. The pages import a few server modules (vocabularies, labels, CSV cells), so the
 * server's sources are the web's too. The migrations and data/ are read where they are at run
 * time, so they are no part of the build.
 */
export const PARTS = {
  server: {
    sources: ['server', 'package.json', 'tsconfig.base.json', 'tsconfig.server.json'],
    output: 'dist/server/main.js',
    stamp: 'dist/.built-server',
    command: [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.server.json'],
  },
  web: {
    sources: ['web', 'server', 'package.json'],
    output: 'web/dist/index.html',
    stamp: 'dist/.built-web',
    command: [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'],
  },
};

/** Folders whose contents are output or installed packages, never sources. */
const SKIPPED = new Set(['dist', 'node_modules']);

/** The most recently changed file or folder under `path` (relative to the root): its path and time in ms. */
function newest(path) {
  const full = join(ROOT, path);
  if (!existsSync(full)) return { path, time: 0 };
  const stat = statSync(full);
  if (!stat.isDirectory()) return { path, time: stat.mtimeMs };
  // A folder's own time counts (a file removed or renamed in it), except web/'s, which changes when web/dist/ is made.
  let found = path === 'web' ? { path, time: 0 } : { path, time: stat.mtimeMs };
  for (const entry of readdirSync(full, { withFileTypes: true })) {
    if (entry.isDirectory() && SKIPPED.has(entry.name)) continue;
    const candidate = newest(relative(ROOT, join(full, entry.name)));
    if (candidate.time > found.time) found = candidate;
  }
  return found;
}

/** Why `part` needs building, or undefined when its build is there and newer than every source. */
export function staleness(name) {
  const part = PARTS[name];
  if (!existsSync(join(ROOT, part.output)) || !existsSync(join(ROOT, part.stamp))) return `${part.output} is missing`;
  const builtAt = statSync(join(ROOT, part.stamp)).mtimeMs;
  for (const source of part.sources) {
    const changed = newest(source);
    if (changed.time > builtAt) return `${changed.path} changed after the last build`;
  }
  return undefined;
}

/** TypeScript and Vite are development dependencies: absent after `npm ci --omit=dev`. */
export const canBuild = () => Object.values(PARTS).every((part) => existsSync(part.command[0]));
