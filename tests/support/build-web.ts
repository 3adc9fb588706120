import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';

const VITE_CONFIG = fileURLToPath(new URL('../../web/vite.config.ts', import.meta.url));
const WEB_ROOT = fileURLToPath(new URL('../.artifacts/web/', import.meta.url));

/** Builds web/ once for the whole browser project; every page test serves this build. */
export default async function buildWeb(project: TestProject): Promise<void> {
  await build({ configFile: VITE_CONFIG, mode: 'production', logLevel: 'warn', build: { outDir: WEB_ROOT, emptyOutDir: true } });
  project.provide('webRoot', WEB_ROOT);
}

declare module 'vitest' {
  export interface ProvidedContext {
    webRoot: string;
  }
}
