import type { ErrorObject } from 'ajv';
import { envSchema } from 'env-schema';
import { Type, type Static, type TSchema } from 'typebox';
import { DEFAULT_TILE_CACHE_MB } from './tiles/made-tiles.js';
import { defaultAnalysisLimits, type AnalysisLimits } from './analysis/analysis-limits.js';
import { POOL_SIZE } from './db/postgres.js';
import { canonicalProvince } from './domain/provinces.js';
import type { LoadShedding } from './http/load-shedding.js';
import { PROJECT_ROOT } from './paths.js';

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
  /** LOAD_DEMO: load the demo data into an empty database at start. */
  loadDemo: boolean;
  /** LOG_LEVEL: pino's level. */
  logLevel: string;
  /** HOME_PROVINCE: the working group's province, the area of the priorities when none is asked for. */
  homeProvince: string;
  /** TILE_CACHE_MB: megabytes of tiles kept once made (tiles/made-tiles.ts); 0 keeps none. */
  tileCacheMb: number;
  /** TILE_WARM_ZOOM: the large layers' tiles made ahead up to this zoom (tiles/tile-warmer.ts); 0: none. */
  tileWarmZoom: number;
}

/**
 * `expected` completes "NAME must be …" when a value is refused; `writeOnly` marks a secret,
 * whose value the refusal does not repeat.
 */
type Described = {
  description: string;
  expected?: string;
  writeOnly?: boolean;
};

const FLAGS = ['1', 'true', 'yes', '0', 'false', 'no'];
/** A yes or no; unset is no, unless a default says otherwise. */
const flag = (description: string, fallback?: '1') =>
  Type.Optional(Type.Enum(FLAGS, { ...(fallback ? { default: fallback } : {}), description, expected: `one of ${FLAGS.join(', ')}` } satisfies Described));
const text = (options: Described & { default?: string; pattern?: string }) => Type.Optional(Type.String(options));
const wholeNumber = (minimum: number, maximum: number | undefined, options: Described & { default?: number }) =>
  Type.Optional(Type.Integer({ minimum, ...(maximum === undefined ? {} : { maximum }), ...options }));
const sheddingLimit = (maximum: number | undefined, options: Described & { default?: number }) =>
  Type.Optional(
    Type.Number({
      minimum: 0,
      ...(maximum === undefined ? {} : { maximum }),
      expected: `a number from 0 (off)${maximum === undefined ? '' : ` to ${maximum}`}`,
      ...options,
    }),
  );
const analysisDefaults = defaultAnalysisLimits('postgres');
const rateLimit = (fallback: number, description: string) => wholeNumber(1, undefined, { default: fallback, description, expected: 'a whole number above 0' });

/**
 * Every environment variable the application reads, with its type, default and meaning: the
 * one place they are described. README "Configuration" lists the same names (a unit test,
 * tests/http/config-readme.unit.test.ts, holds the two together). Defaults that depend on the
 * database (a server or the embedded one) are left out here and said in the description.
 */
export const ENV_SCHEMA = Type.Object({
  PORT: wholeNumber(0, 65_535, { default: 3000, description: 'HTTP port (0 picks a free one)', expected: 'a port number from 0 to 65535' }),
  HOST: text({ default: '127.0.0.1', description: 'interface to listen on; 0.0.0.0 to serve a network' }),
  DATABASE_URL: text({
    description: 'a PostgreSQL server with PostGIS (postgres://user@host:5432/riskmap); unset: the embedded database',
    writeOnly: true,
  }),
  DATABASE_READ_URL: text({ description: 'a streaming replica of DATABASE_URL’s server, for reads that may lag a little', writeOnly: true }),
  DATA_DIR: text({ default: `${PROJECT_ROOT}.data/pglite`, description: 'where the embedded database keeps its files' }),
  LOAD_DEMO: flag('load the demo data into an empty database at start', '1'),
  LOG_LEVEL: Type.Optional(
    Type.Enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      default: 'warn',
      description: 'pino log level; info adds a line per request',
      expected: 'a pino level: fatal, error, warn, info, debug, trace or silent',
    }),
  ),
  DEMO: flag('the local demo mode, as --demo: no sign-in, never for real data'),
  DEMO_ON_NETWORK: flag('let the demo mode listen on a non-local HOST, as --demo-on-network'),
  TRUST_PROXY: text({
    pattern: '^(yes|true|no|false|[0-9a-fA-F.:/, ]+)$',
    description: 'proxies whose X-Forwarded-* headers are believed: 1 (one proxy), a number of them, or their addresses',
    expected: 'a number of proxies or their addresses (e.g. 127.0.0.1,10.0.0.0/8)',
  }),
  LOGIN_RATE_LIMIT: rateLimit(10, 'sign-in attempts per minute from one address'),
  TOKEN_RATE_LIMIT: rateLimit(600, 'requests per minute with one API token'),
  SESSION_RATE_LIMIT: rateLimit(1200, 'requests per minute with one browser session'),
  PUBLIC_URL: text({ description: 'the address users reach the app at, the base of every absolute link' }),
  METRICS_TOKEN: text({
    pattern: '^\\S{32,}$',
    description: 'lets a scraper elsewhere read /metrics with this bearer token',
    expected: 'at least 32 characters without spaces, e.g. the output of `openssl rand -hex 32`',
    writeOnly: true,
  }),
  // A mean lag of a second means every request already waits a second before it is read. Off by
  // default on the embedded database: its queries run on the event loop, so one long analysis
  // stalls it and shedding would only refuse the requests that queue behind it anyway.
  SHED_EVENT_LOOP_DELAY_MS: sheddingLimit(undefined, { description: 'load shedding past this mean event-loop delay; 1000 on a server, 0 (off) embedded' }),
  // Off by default: a busy loop is a server doing its work; the delay says when that hurts.
  SHED_EVENT_LOOP_UTILIZATION: sheddingLimit(1, { default: 0, description: 'load shedding past this event-loop utilisation (0 to 1)' }),
  SHED_HEAP_MB: sheddingLimit(undefined, { default: 0, description: 'load shedding past this heap size in MB' }),
  // Below the pool's size: a connection must stay free for layer reads and tiles while analyses run.
  ANALYSIS_CONCURRENCY: wholeNumber(1, POOL_SIZE - 1, {
    description: 'analyses running at once; 2 on a server, 1 embedded',
    expected: `a whole number from 1 to ${POOL_SIZE - 1} (analyses at once; fewer than the ${POOL_SIZE} database connections, so that layer reads still get one)`,
  }),
  ANALYSIS_QUEUE: wholeNumber(0, 1000, {
    default: analysisDefaults.queue,
    description: 'analyses waiting for a slot',
    expected: 'a whole number from 0 to 1000 (analyses waiting for a slot; 0: none wait)',
  }),
  ANALYSIS_TIMEOUT_MS: wholeNumber(100, 3_600_000, {
    default: analysisDefaults.timeoutMs,
    description: 'how long a statement of an analysis may run on a server',
    expected: 'a whole number from 100 to 3600000 (milliseconds a statement of an analysis may run)',
  }),
  TILE_CACHE_MB: wholeNumber(0, 4096, {
    default: DEFAULT_TILE_CACHE_MB,
    description: 'megabytes of vector tiles kept once made, shared by the callers who may see them; 0 keeps none',
    expected: 'a whole number from 0 to 4096 (megabytes of tiles kept in memory)',
  }),
  // Off embedded: its queries run on the event loop, and a crowded tile there would hold up every request behind it.
  // Each zoom is about four times the tiles of the one before. At province scale (100 000 claims and incidents, PostgreSQL 15,
  // 2 cores) up to 10: 1 624 tiles, 17 MB, 16 s of one connection after each change; up to 11 they would be four times that,
  // a quarter of the default TILE_CACHE_MB and a minute of warming, for zooms whose tiles are made on demand in a few ms.
  TILE_WARM_ZOOM: wholeNumber(0, 10, {
    description: 'tiles of the layers over 2 000 records made ahead up to this zoom, from 5, after each change of the data; 10 on a server, 0 (none) embedded',
    expected: 'a whole number from 0 to 10 (the deepest zoom whose tiles are made ahead; 0: none)',
  }),
  HOME_PROVINCE: text({
    default: 'Sud-Kivu',
    description: 'the working group’s home province: the priorities and the deployment plan cover it when no area is asked for',
  }),
  BACKUP_PASSPHRASE: text({ description: 'the passphrase of npm run backup -- --encrypt and npm run restore, instead of asking', writeOnly: true }),
});

type Env = Static<typeof ENV_SCHEMA>;
const VARIABLES = ENV_SCHEMA.properties as unknown as Record<string, TSchema & Described>;

/** The environment checked against ENV_SCHEMA, defaults filled in; a refused value is named with what it should be. */
function readEnv(env: NodeJS.ProcessEnv): Env {
  // An empty variable is an unset one, as a shell's `NAME=` usually means.
  const given = Object.fromEntries(Object.entries(env).filter(([name, value]) => name in VARIABLES && value !== undefined && value !== ''));
  try {
    return envSchema<Env>({
      schema: structuredClone(ENV_SCHEMA),
      data: given,
      env: false,
      ajv: {
        customOptions: (ajv) => ajv.addVocabulary(['expected']),
      },
    });
  } catch (error) {
    const errors = (error as { errors?: ErrorObject[] }).errors;
    if (!errors?.length) throw error;
    throw new Error([...new Set(errors.map((e) => refusal(e, given)))].join('; '), { cause: error });
  }
}

function refusal(error: ErrorObject, given: Record<string, string | undefined>): string {
  const name = error.instancePath.slice(1);
  const variable = VARIABLES[name];
  if (!variable) return `environment ${error.message ?? 'is invalid'}`;
  const what = variable.expected ?? error.message ?? 'valid';
  return variable.writeOnly ? `${name} must be ${what}` : `${name} must be ${what}, not '${given[name]}'`;
}

const yes = (value: string | undefined) => value === '1' || value === 'true' || value === 'yes';

/**
 * Configuration from the environment and the command line, each with the default the README
 * documents. `--demo` (what `npm start` passes) or DEMO=1 turns the local demo mode on.
 */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env, argv: readonly string[] = []): AppConfig {
  const unknown = argv.filter((arg) => arg !== '--demo' && arg !== '--demo-on-network');
  if (unknown.length) throw new Error(`unknown option ${unknown.join(' ')}: the options are --demo and --demo-on-network`);
  const vars = readEnv(env);
  const onServer = vars.DATABASE_URL !== undefined;
  const analysisDefaults = defaultAnalysisLimits(onServer ? 'postgres' : 'pglite');
  return {
    port: vars.PORT!,
    host: vars.HOST!,
    databaseUrl: vars.DATABASE_URL,
    databaseReadUrl: vars.DATABASE_READ_URL,
    dataDir: vars.DATA_DIR!,
    demo: argv.includes('--demo') || yes(vars.DEMO),
    demoOnNetwork: argv.includes('--demo-on-network') || yes(vars.DEMO_ON_NETWORK),
    trustProxy: trustProxyFrom(vars.TRUST_PROXY),
    loginPerMinute: vars.LOGIN_RATE_LIMIT!,
    tokenRequestsPerMinute: vars.TOKEN_RATE_LIMIT!,
    sessionRequestsPerMinute: vars.SESSION_RATE_LIMIT!,
    publicUrl: publicUrlFrom(vars.PUBLIC_URL),
    loadShedding: {
      maxEventLoopDelayMs: vars.SHED_EVENT_LOOP_DELAY_MS ?? (onServer ? 1000 : 0),
      maxEventLoopUtilization: vars.SHED_EVENT_LOOP_UTILIZATION!,
      maxHeapUsedBytes: vars.SHED_HEAP_MB! * 1024 * 1024,
    },
    metricsToken: vars.METRICS_TOKEN,
    analysisLimits: {
      concurrency: vars.ANALYSIS_CONCURRENCY ?? analysisDefaults.concurrency,
      queue: vars.ANALYSIS_QUEUE!,
      timeoutMs: vars.ANALYSIS_TIMEOUT_MS!,
    },
    loadDemo: yes(vars.LOAD_DEMO),
    logLevel: vars.LOG_LEVEL!,
    homeProvince: canonicalProvince(vars.HOME_PROVINCE) ?? 'Sud-Kivu',
    tileCacheMb: vars.TILE_CACHE_MB!,
    tileWarmZoom: vars.TILE_WARM_ZOOM ?? (onServer ? 10 : 0),
  };
}

/** TRUST_PROXY: `1`/`yes` = one proxy in front (the usual nginx), a number = that many, else a list of proxy addresses. */
function trustProxyFrom(value: string | undefined): false | number | string {
  if (value === undefined || value === '0' || value === 'false' || value === 'no') return false;
  if (value === 'yes' || value === 'true') return 1;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

/** PUBLIC_URL: an http(s) address with no query or fragment, e.g. https://risk-map.example.org/carte. */
function publicUrlFrom(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
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
  if (config.trustProxy !== false)
    return 'refusing to start the demo mode behind a proxy (TRUST_PROXY is set): it would open everything to every visitor. Use `npm run serve`.';
  if (accounts > 0) {
    return `refusing to start the demo mode on a database with ${accounts} account(s): it holds real users, so it may hold real data. Use \`npm run serve\` and sign in.`;
  }
  if (config.demoOnNetwork || isLocalAddress(config.host)) return null;
  return (
    `refusing to start the demo mode on ${config.host}: it lets anyone who reaches this address read and change everything. ` +
    `Listen on 127.0.0.1 (HOST unset), use accounts (npm run serve), or if you really mean it add --demo-on-network (DEMO_ON_NETWORK=1).`
  );
}
