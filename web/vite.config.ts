import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Brotli and gzip copies of every built text file, made once here at the highest levels, so the
 * server sends them as they are (server/http/delivery.ts, `preCompressed`): MapLibre's 1 MB
 * bundle leaves as about 250 KB without costing the server a second of brotli per visit.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      const files = readdirSync(outDir, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile() && /\.(js|mjs|css|html|svg|json|geojson)$/.test(entry.name))
        .map((entry) => join(entry.parentPath, entry.name));
      for (const file of files) {
        const content = readFileSync(file);
        if (content.length < 1024) continue;
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } }),
        );
        writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root,
  plugins: [precompress()],
  // Relative asset URLs let the built app be served under any path prefix, not only `/`.
  base: './',
  resolve: {
    // The pages write CSV with the server's own cells (server/export/csv-cells.ts); csv-stringify's
    // Node build reads `Buffer` when loaded, so the pages take its browser build instead.
    alias: { 'csv-stringify/sync': 'csv-stringify/browser/esm/sync' },
  },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // MapLibre alone is about 1 MB minified; it is served from the app itself, so the warning is not actionable.
    chunkSizeWarningLimit: 1_500,
    // Four pages: the map, the working group's priorities, signing in and the administration. (`rolldownOptions` is Vite 8's
    // name for what was `rollupOptions`, which it still accepts but marks deprecated.)
    rolldownOptions: {
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        priorities: fileURLToPath(new URL('./priorities.html', import.meta.url)),
        login: fileURLToPath(new URL('./login.html', import.meta.url)),
        admin: fileURLToPath(new URL('./admin.html', import.meta.url)),
        cases: fileURLToPath(new URL('./cases.html', import.meta.url)),
        changes: fileURLToPath(new URL('./changes.html', import.meta.url)),
      },
    },
  },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  preview: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
