import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
import { ROOT, staleness } from '../../scripts/build-parts.mjs';
import setupDatabase from './global-setup.js';

const VITE_CONFIG = fileURLToPath(new URL('../../web/vite.config.ts', import.meta.url));
const WEB_ROOT = fileURLToPath(new URL('../.artifacts/web/', import.meta.url));

/**
 * The browser project's setup: the test database (global-setup.ts) and web/ built once for
 * every page test, side by side. The browser project comes first in vitest.config.ts so that
 * this runs before the api project's setup, which then finds the database ready; the build is
 * mostly Rolldown's native threads and the database PGlite's, so the two overlap well.
 */
export default async function setupBrowser(project: TestProject): Promise<() => Promise<void>> {
  const [teardown, webRoot] = await Promise.all([setupDatabase(project), builtWeb()]);
  project.provide('webRoot', webRoot);
  return teardown;
}

/**
 * `web/dist` when `npm run build` left it newer than every source (CI builds before it tests,
 * and runs the suite twice): the same Vite build, so making it again would only cost 15–20 s
 * of CPU, most of it brotli. Otherwise a build of its own under tests/.artifacts, so that a
 * test run never leaves web/dist half-made or older than it looks.
 */
async function builtWeb(): Promise<string> {
  const why = staleness('web');
  if (why === undefined) {
    console.log('browser tests serve web/dist, built by `npm run build` after the last change to its sources');
    return join(ROOT, 'web/dist');
  }
  console.log(`browser tests build the pages for this run (web/dist is not used: ${why})`);
  await build({ configFile: VITE_CONFIG, mode: 'production', logLevel: 'warn', build: { outDir: WEB_ROOT, emptyOutDir: true } });
  return WEB_ROOT;
}

declare module 'vitest' {
  export interface ProvidedContext {
    webRoot: string;
  }
}
