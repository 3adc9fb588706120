import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
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
