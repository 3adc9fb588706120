import { parseArgs } from 'node:util';
import { configFromEnv } from '../config.js';
import { migrate } from '../db/migrate.js';
import { openDatabase } from '../db/open-database.js';
import { DEFAULT_SIZE, generateProvince, removeGenerated, type ProvinceSize } from '../generate/synthetic-province.js';

const OPTIONS = {
  seed: 'the same seed gives the same records',
  claims: 'claims (circles of 220–550 m, spread over lon 26.5–31.5, lat −5–0)',
  cooperatives: 'cooperatives the claims belong to',
  incidents: 'incidents, around towns',
  sites: 'mine sites, around towns',
  visits: 'site visits, spread over the sites',
  presence: 'security-force presence records',
  'route-km': 'kilometres of roads between towns (a roadblock every 25 km)',
} as const;

/** The option's field in ProvinceSize: `--route-km` is `routeKm`. */
const field = (option: string) => (option === 'route-km' ? 'routeKm' : option) as keyof ProvinceSize;

const USAGE = `Usage: npm run generate -- [--replace] ${Object.keys(OPTIONS)
  .map((o) => `[--${o} N]`)
  .join(' ')}
Made-up records at province scale, marked illustrative, source 'generated'. Defaults:
${Object.entries(OPTIONS)
  .map(([name, what]) => `  --${name.padEnd(13)} ${String(DEFAULT_SIZE[field(name)]).padStart(7)}  ${what}`)
  .join('\n')}
  --replace                removes what an earlier run generated first
Targets DATABASE_URL when set, else the embedded database in DATA_DIR.`;

function sizeFrom(values: Record<string, string | boolean | undefined>): ProvinceSize {
  const size = { ...DEFAULT_SIZE };
  for (const name of Object.keys(OPTIONS)) {
    const text = values[name];
    if (text === undefined) continue;
    const value = Number(text);
    if (!Number.isInteger(value) || value < 0 || value > 10_000_000)
      throw new Error(`--${name} must be a whole number from 0 to 10 000 000, not '${String(text)}'\n\n${USAGE}`);
    size[field(name)] = value;
  }
  if (size.claims > 0 && size.cooperatives === 0) throw new Error('claims need cooperatives: give --cooperatives 1 or more');
  if (size.visits > 0 && size.sites === 0) throw new Error('visits need sites: give --sites 1 or more');
  return size;
}

try {
  const { values } = parseArgs({
    options: {
      ...Object.fromEntries(Object.keys(OPTIONS).map((name) => [name, { type: 'string' as const }])),
      replace: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(USAGE);
  } else {
    const size = sizeFrom(values);
    const db = await openDatabase(configFromEnv());
    try {
      await migrate(db);
      if (values.replace) await removeGenerated(db);
      const started = performance.now();
      const counts = await generateProvince(db, size, (line) => process.stderr.write(`\r${line.padEnd(60)}`));
      process.stderr.write('\n');
      console.log(
        `generated in ${((performance.now() - started) / 1000).toFixed(1)} s (seed ${size.seed}): ${Object.entries(counts)
          .map(([k, v]) => `${v.toLocaleString('en')} ${k}`)
          .join(', ')}`,
      );
    } finally {
      await db.close();
    }
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
