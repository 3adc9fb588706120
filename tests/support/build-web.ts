import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';
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
  const [teardown] = await Promise.all([
    setupDatabase(project),
    build({ configFile: VITE_CONFIG, mode: 'production', logLevel: 'warn', build: { outDir: WEB_ROOT, emptyOutDir: true } }),
  ]);
  project.provide('webRoot', WEB_ROOT);
  return teardown;
}

declare module 'vitest' {
  export interface ProvidedContext {
    webRoot: string;
  }
}
