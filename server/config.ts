import { fileURLToPath } from 'node:url';
import { defaultAnalysisLimits, type AnalysisLimits } from './analysis/analysis-limits.js';
import { POOL_SIZE } from './db/postgres.js';
import type { LoadShedding } from './http/load-shedding.js';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface AppConfig {
  port: number;
  host: string;
  /** Unset: the embedded database under `dataDir`. */
  databaseUrl?: string;
  /** A read replica of DATABASE_URL's server for reads that may lag a little (README, "Read replicas"). */
  databaseReadUrl?: string;
  dataDir: string;
  /** The local demo mode: no sign-in, every visitor acts as an admin named "demo". */
  demo: boolean;
  /** Lets the demo mode listen on a non-local address. Only ever by explicit choice. */
  demoOnNetwork: boolean;
  /**
   * Which proxies' X-Forwarded-* headers to believe: false (none), a number of hops, or
   * addresses/CIDRs. Never "all": the client writes the left of X-Forwarded-For itself.
   */
  trustProxy: false | number | string;
  loginPerMinute: number;
  tokenRequestsPerMinute: number;
  sessionRequestsPerMinute: number;
  /** Where users reach the app (PUBLIC_URL), without a trailing slash: the base of absolute links. */
  publicUrl?: string;
  /** Load shedding (SHED_*): past these limits requests get 503 with Retry-After; 0 turns a limit off. */
  loadShedding: LoadShedding;
  /** METRICS_TOKEN: lets a scraper elsewhere read /metrics; unset, only this machine may. */
  metricsToken?: string;
  /** ANALYSIS_CONCURRENCY, ANALYSIS_QUEUE, ANALYSIS_TIMEOUT_MS: analyses at once, waiting, and how long a statement of one may run. */
  analysisLimits: AnalysisLimits;
}

const yes = (value: string | undefined) => value === '1' || value === 'true' || value === 'yes';

function positiveInteger(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new Error(`${name} must be a whole number above 0, not '${value}'`);
  return number;
}

/**
 * Configuration from the environment and the command line, each with the default the README
 * documents. `--demo` (what `npm start` passes) or DEMO=1 turns the local demo mode on.
 */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env, argv: readonly string[] = []): AppConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`PORT must be a port number, not '${env.PORT}'`);
  const unknown = argv.filter((arg) => arg !== '--demo' && arg !== '--demo-on-network');
  if (unknown.length) throw new Error(`unknown option ${unknown.join(' ')}: the options are --demo and --demo-on-network`);
  return {
    port,
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    databaseReadUrl: env.DATABASE_READ_URL || undefined,
    dataDir: env.DATA_DIR ?? `${PROJECT_ROOT}.data/pglite`,
    demo: argv.includes('--demo') || yes(env.DEMO),
    demoOnNetwork: argv.includes('--demo-on-network') || yes(env.DEMO_ON_NETWORK),
    trustProxy: trustProxyFrom(env.TRUST_PROXY),
    loginPerMinute: positiveInteger('LOGIN_RATE_LIMIT', env.LOGIN_RATE_LIMIT, 10),
    tokenRequestsPerMinute: positiveInteger('TOKEN_RATE_LIMIT', env.TOKEN_RATE_LIMIT, 600),
    sessionRequestsPerMinute: positiveInteger('SESSION_RATE_LIMIT', env.SESSION_RATE_LIMIT, 1200),
    publicUrl: publicUrlFrom(env.PUBLIC_URL),
    loadShedding: {
      // A mean lag of a second means every request already waits a second before it is read. Off by
      // default on the embedded database: its queries run on the event loop, so one long analysis
      // stalls it and shedding would only refuse the requests that queue behind it anyway.
      maxEventLoopDelayMs: limitFrom('SHED_EVENT_LOOP_DELAY_MS', env.SHED_EVENT_LOOP_DELAY_MS, env.DATABASE_URL ? 1000 : 0),
      // Off by default: a busy loop is a server doing its work; the delay says when that hurts.
      maxEventLoopUtilization: limitFrom('SHED_EVENT_LOOP_UTILIZATION', env.SHED_EVENT_LOOP_UTILIZATION, 0, 1),
      maxHeapUsedBytes: limitFrom('SHED_HEAP_MB', env.SHED_HEAP_MB, 0) * 1024 * 1024,
    },
    metricsToken: metricsTokenFrom(env.METRICS_TOKEN),
    analysisLimits: analysisLimitsFrom(env),
  };
}

/** A whole number from `min` to `max`, or the fallback when unset. */
function wholeNumber(name: string, value: string | undefined, fallback: number, min: number, max: number, why: string): number {
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) throw new Error(`${name} must be a whole number from ${min} to ${max} (${why}), not '${value}'`);
  return number;
}

/** The analyses' limits (README, "Configuration"); defaults in analysis-limits.ts, by database. */
function analysisLimitsFrom(env: NodeJS.ProcessEnv): AnalysisLimits {
  const defaults = defaultAnalysisLimits(env.DATABASE_URL ? 'postgres' : 'pglite');
  return {
    // Below the pool's size: a connection must stay free for layer reads and tiles while analyses run.
    concurrency: wholeNumber('ANALYSIS_CONCURRENCY', env.ANALYSIS_CONCURRENCY, defaults.concurrency, 1, POOL_SIZE - 1, `analyses at once; fewer than the ${POOL_SIZE} database connections, so that layer reads still get one`),
    queue: wholeNumber('ANALYSIS_QUEUE', env.ANALYSIS_QUEUE, defaults.queue, 0, 1000, 'analyses waiting for a slot; 0: none wait'),
    timeoutMs: wholeNumber('ANALYSIS_TIMEOUT_MS', env.ANALYSIS_TIMEOUT_MS, defaults.timeoutMs, 100, 3_600_000, 'milliseconds a statement of an analysis may run'),
  };
}

/** TRUST_PROXY: `1`/`yes` = one proxy in front (the usual nginx), a number = that many, else a list of proxy addresses. */
function trustProxyFrom(value: string | undefined): false | number | string {
  if (value === undefined || value === '' || value === '0' || value === 'false' || value === 'no') return false;
  if (value === 'yes' || value === 'true') return 1;
  if (/^\d+$/.test(value)) return Number(value);
  if (!/^[0-9a-fA-F.:/, ]+$/.test(value)) throw new Error(`TRUST_PROXY must be a number of proxies or their addresses (e.g. 127.0.0.1,10.0.0.0/8), not '${value}'`);
  return value;
}

/** A load-shedding limit: a number from 0 (off) up to `max`. */
function limitFrom(name: string, value: string | undefined, fallback: number, max = Infinity): number {
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isFinite(number) || number < 0 || number > max) throw new Error(`${name} must be a number from 0 (off)${max < Infinity ? ` to ${max}` : ''}, not '${value}'`);
  return number;
}

/** METRICS_TOKEN: long enough not to be guessed, for /metrics has no rate limit (metrics.ts). */
function metricsTokenFrom(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^\S{32,}$/.test(value)) throw new Error('METRICS_TOKEN must be at least 32 characters without spaces, e.g. the output of `openssl rand -hex 32`');
  return value;
}

/** PUBLIC_URL: an http(s) address with no query or fragment, e.g. https://risk-map.example.org/carte. */
function publicUrlFrom(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`PUBLIC_URL must be an absolute address such as https://risk-map.example.org, not '${value}'`);
  }
  if (!/^https?:$/.test(url.protocol) || url.search || url.hash || url.username) {
    throw new Error(`PUBLIC_URL must be a plain http or https address with no query, fragment or password, not '${value}'`);
  }
  return url.toString().replace(/\/$/, '');
}

/** Addresses only this machine can reach. */
export function isLocalAddress(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * Why the configuration must not start, or null. The demo mode opens everything to whoever
 * reaches the port, so it stays on this machine unless the operator says otherwise, in words.
 */
export function demoModeProblem(config: Pick<AppConfig, 'demo' | 'demoOnNetwork' | 'host' | 'trustProxy'>, accounts = 0): string | null {
  if (!config.demo) return null;
  // A proxy in front means visitors from elsewhere; accounts mean real users and real data.
  if (config.trustProxy !== false) return 'refusing to start the demo mode behind a proxy (TRUST_PROXY is set): it would open everything to every visitor. Use `npm run serve`.';
  if (accounts > 0) {
    return `refusing to start the demo mode on a database with ${accounts} account(s): it holds real users, so it may hold real data. Use \`npm run serve\` and sign in.`;
  }
  if (config.demoOnNetwork || isLocalAddress(config.host)) return null;
  return (
    `refusing to start the demo mode on ${config.host}: it lets anyone who reaches this address read and change everything. ` +
    `Listen on 127.0.0.1 (HOST unset), use accounts (npm run serve), or if you really mean it add --demo-on-network (DEMO_ON_NETWORK=1).`
  );
}
