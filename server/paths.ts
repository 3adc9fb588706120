import { existsSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The package's folder, where package.json, migrations/, data/ and web/dist/ are. The server runs
 * from server/ (tsx, Vitest) and from dist/server/ (`npm run build`), so the folder is found by
 * walking up to package.json rather than by counting `..` from each module.
 */
function packageRoot(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (let dir = here; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json in ${here} or above it`);
  }
}

/** With a trailing separator, as `${PROJECT_ROOT}web/dist` expects. */
export const PROJECT_ROOT = `${packageRoot()}${sep}`;
