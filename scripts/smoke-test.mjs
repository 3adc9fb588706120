// CI's smoke test of the build: `node dist/server/main.js --demo` on a new embedded database in a
// temporary folder and a free port must become ready, serve the map page and the demo zones, and stop.
// Node's own modules only; exits non-zero, with the server's output, when any of that fails.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ROOT } from './build-parts.mjs';

/** A first start creates the database, migrates it and loads the demo data: a minute or two on a busy 2-core machine. */
const READY_WITHIN_MS = 300_000;
const POLL_MS = 500;

const freePort = () =>
  new Promise((resolve, reject) => {
    const probe = createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

const dataDir = mkdtempSync(join(tmpdir(), 'riskmap-smoke-'));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
// The embedded database with its demo data, whatever the calling shell has set.
const env = { ...process.env, DATA_DIR: join(dataDir, 'pglite'), PORT: String(port), HOST: '127.0.0.1' };
for (const name of ['DATABASE_URL', 'DATABASE_READ_URL', 'LOAD_DEMO']) delete env[name];
const server = spawn(process.execPath, ['dist/server/main.js', '--demo'], {
  cwd: ROOT,
  env,
  stdio: ['ignore', 'pipe', 'pipe'],
});
let output = '';
server.stdout.on('data', (chunk) => (output += chunk));
server.stderr.on('data', (chunk) => (output += chunk));
const exited = new Promise((resolve) => server.once('exit', (code, signal) => resolve(signal ?? `exit ${code}`)));
let exitedWith;
void exited.then((how) => (exitedWith = how));

async function get(path) {
  const response = await fetch(`${base}${path}`, { signal: AbortSignal.timeout(30_000) });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  return response;
}

async function waitUntilReady() {
  const deadline = Date.now() + READY_WITHIN_MS;
  while (Date.now() < deadline) {
    if (exitedWith) throw new Error(`the server stopped (${exitedWith}) before it was ready`);
    try {
      await get('/api/health/ready');
      return;
    } catch {
      await sleep(POLL_MS);
    }
  }
  throw new Error(`the server was not ready within ${READY_WITHIN_MS / 1000} s`);
}

let failure;
try {
  const startedAt = Date.now();
  await waitUntilReady();
  const page = await (await get('/')).text();
  if (!/<html[\s>]/i.test(page) || !/<script[^>]+src=/i.test(page)) throw new Error('GET /: not the built map page');
  const zones = await (await get('/api/zones')).json();
  if (zones?.type !== 'FeatureCollection' || !(zones.features?.length > 0)) throw new Error('GET /api/zones: no demo zones');
  console.log(`smoke test passed: ready in ${Math.round((Date.now() - startedAt) / 1000)} s, the map page and ${zones.features.length} zones served`);
} catch (error) {
  failure = error;
} finally {
  server.kill('SIGTERM');
  const stopped = await Promise.race([exited, sleep(20_000).then(() => undefined)]);
  if (!stopped) {
    server.kill('SIGKILL');
    failure ??= new Error('the server did not stop within 20 s of SIGTERM');
  }
  rmSync(dataDir, { recursive: true, force: true });
}
if (failure) {
  console.error(`smoke test failed: ${failure.message}\n--- server output ---\n${output}`);
  process.exit(1);
}
