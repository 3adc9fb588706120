import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { isAlive } from '../../server/db/data-dir-lock.js';
import { SENSITIVE_CATEGORIES } from '../../server/sharing/incident-coarsening.js';
import { TEST_LOG_ROOT, runLogDir } from './test-logger.js';

/**
 * The search over a whole test run's logs (issue 18): every test app logs at level info to
 * tests/.artifacts/logs (test-logger.ts); after the run nothing there may hold a token, a
 * cookie or CSRF value, a password any test used, a description or person's name from the
 * demo data and fixtures, or the exact place of a sensitive demo incident.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface Leak {
  what: string;
  file: string;
  line: string;
}

const PATTERNS: [string, RegExp][] = [
  ['an API token', /rmk_[A-Za-z0-9_-]{20,}/],
  ['a session or CSRF cookie value', /riskmap_(session|csrf)=[^;\s"]{8,}/],
  ['a credentials header', /"(authorization|cookie|x-csrf-token|x-metrics-token)":"(?!\[redacted\])/i],
];

function filesUnder(folder: string, ending: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith(ending))
    .map((name) => join(folder, name));
}

/** Every password a test sends: string constants and properties named like one, of eight characters or more. */
function testPasswords(): string[] {
  const found = new Set<string>();
  for (const file of filesUnder(join(ROOT, 'tests'), '.ts')) {
    for (const match of readFileSync(file, 'utf8').matchAll(/password\w*['"]?\s*[:=]\s*'([^'\n]{8,})'/gi)) found.add(match[1]!);
  }
  return [...found];
}

interface GeoFeature {
  geometry?: { type?: string; coordinates?: unknown } | null;
  properties?: Record<string, unknown> | null;
}

/** Descriptions and names in the demo data and the fixtures, and the coordinates of sensitive incidents there. */
function recordSecrets(): [string, string][] {
  const secrets: [string, string][] = [];
  const files = [...filesUnder(join(ROOT, 'data', 'demo'), '.geojson'), ...filesUnder(join(ROOT, 'tests', 'fixtures'), '.geojson')];
  for (const file of files) {
    let parsed: { features?: GeoFeature[] } & GeoFeature;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      continue; // fixtures of broken input
    }
    if (!parsed || typeof parsed !== 'object') continue;
    for (const feature of parsed.features ?? [parsed]) {
      const p = feature?.properties ?? {};
      for (const key of ['description', 'perpetrator_name']) {
        if (typeof p[key] === 'string' && p[key].length >= 12) secrets.push([`a ${key} of ${file.slice(ROOT.length)}`, p[key]]);
      }
      const coordinates = feature?.geometry?.type === 'Point' ? (feature.geometry.coordinates as number[]) : [];
      if ((SENSITIVE_CATEGORIES as readonly unknown[]).includes(p.category)) {
        for (const value of coordinates) {
          // Three decimals or more: a place to about a hundred metres.
          if (/\.\d{3,}/.test(String(value))) secrets.push([`a sensitive incident's coordinate in ${file.slice(ROOT.length)}`, String(value)]);
        }
      }
    }
  }
  return secrets;
}

/** A literal found on its own, not inside a longer number (a coordinate inside a duration's digits is no leak). */
function contains(line: string, literal: string): boolean {
  if (!/^-?[\d.]+$/.test(literal)) return line.includes(literal);
  const escaped = literal.replace(/[.-]/g, '\\$&');
  return new RegExp(`(?<![\\d.])${escaped}(?!\\d)`).test(line.replace(/"responseTime":[\d.]+/g, ''));
}

/** What a run's logs leaked, if anything; the number of lines searched, to show the search saw something. */
export function scanTestLogs(run: string): { lines: number; leaks: Leak[] } {
  const literals: [string, string][] = [...testPasswords().map((p): [string, string] => ['a test password', p]), ...recordSecrets()];
  const leaks: Leak[] = [];
  let lines = 0;
  for (const file of filesUnder(fileURLToPath(runLogDir(run)), '.ndjson')) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!line) continue;
      lines++;
      for (const [what, pattern] of PATTERNS) if (pattern.test(line)) leaks.push({ what, file, line });
      for (const [what, literal] of literals) if (contains(line, literal)) leaks.push({ what, file, line });
    }
  }
  return { lines, leaks };
}

/**
 * Earlier runs' logs, kept until the next run to be read after a failure. Only the folders of
 * runs that have ended: another run on this checkout at the same time keeps its own.
 */
export function clearFinishedRuns(): void {
  if (!existsSync(TEST_LOG_ROOT)) return;
  for (const name of readdirSync(TEST_LOG_ROOT)) {
    const pid = Number(/^run-(\d+)$/.exec(name)?.[1]);
    if (!pid || !isAlive(pid)) rmSync(new URL(`${name}/`, TEST_LOG_ROOT), { recursive: true, force: true });
  }
}
