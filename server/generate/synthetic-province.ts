import circle from '@turf/circle';
import type { Geometry, Position } from 'geojson';
import type { Database } from '../db/database.js';
import { SENSITIVE_CATEGORIES } from '../sharing/incident-coarsening.js';
import { seededRandom } from './seeded-random.js';

/**
 * Made-up records at province scale, for benchmarks, load tests and the map at 100 000
 * records (issues 12 and 13). The same seed gives the same records on either database, row
 * for row. Everything is marked `illustrative` and `source = 'generated'`: the map says so, and
 * `--replace` removes exactly these rows.
 *
 * Where: eastern DR Congo, lon 26.5–31.5, lat −5–0. Claims spread evenly over it, as in the
 * contested-zone measurements of issue 12; the other layers gather around made-up towns joined
 * by roads, the way records gather around real ones.
 */
export interface ProvinceSize {
  seed: number;
  claims: number;
  cooperatives: number;
  incidents: number;
  sites: number;
  visits: number;
  presence: number;
  routeKm: number;
}

export const DEFAULT_SIZE: ProvinceSize = {
  seed: 1,
  claims: 10_000,
  cooperatives: 2_000,
  incidents: 100_000,
  sites: 3_500,
  visits: 7_000,
  presence: 10_000,
  routeKm: 5_000,
};

const AREA = { west: 26.5, south: -5, size: 5 };
const TOWNS = 150;
const BATCH = 2_000;
export const GENERATED_SOURCE = 'generated';

const ACTORS = ['fardc', 'pmh', 'pnc', 'armed_group_local', 'armed_group_foreign', 'unknown'] as const;
const CATEGORIES = [
  'armed_clash',
  'extortion',
  'illegal_taxation',
  'roadblock',
  'harassment',
  'arbitrary_arrest',
  'forced_labour',
  'other',
  ...SENSITIVE_CATEGORIES,
] as const;
const MINERALS = ['gold', 'cassiterite', 'coltan', 'wolframite'] as const;

type Random = () => number;

function helpers(random: Random) {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  // Box–Muller: records thin out with distance from a town.
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const round = (v: number) => Math.round(v * 1e6) / 1e6;
  const clampLon = (v: number) => round(Math.min(AREA.west + AREA.size, Math.max(AREA.west, v)));
  const clampLat = (v: number) => round(Math.min(AREA.south + AREA.size, Math.max(AREA.south, v)));
  const near = ([lon, lat]: Position, spread: number): Position => [clampLon(lon! + normal() * spread), clampLat(lat! + normal() * spread)];
  const day = (from: number, to: number) =>
    new Date(Date.UTC(from, 0, 1) + Math.floor(random() * (to - from) * 365.25) * 86_400_000).toISOString().slice(0, 10);
  return { pick, near, day, round };
}

type Row = Record<string, unknown>;

/** Inserts rows through json_to_recordset in batches, so that 100 000 rows are 50 statements, not 100 000. */
async function insertRows(
  db: Database,
  table: string,
  columns: Record<string, string>,
  rows: Row[],
  geometry: 'Point' | 'MultiPolygon' | 'LineString' | null,
  log: (line: string) => void,
): Promise<number[]> {
  const names = Object.keys(columns);
  const record = [...names.map((n) => `${n} ${columns[n]}`), ...(geometry ? ['geometry text'] : [])].join(', ');
  const parsed = 'ST_SetSRID(ST_GeomFromGeoJSON(r.geometry), 4326)';
  // Visits have no geometry and no `illustrative`: the site they belong to carries both.
  const [extraColumns, extraValues] = geometry ? [', illustrative, geom', `, true, ${geometry === 'MultiPolygon' ? `ST_Multi(${parsed})` : parsed}`] : ['', ''];
  const ids: number[] = [];
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    const inserted = await db.query<{ id: number }>(
      `INSERT INTO ${table} (${names.join(', ')}, source${extraColumns})
       SELECT ${names.map((n) => `r.${n}`).join(', ')}, '${GENERATED_SOURCE}'${extraValues}
         FROM json_to_recordset($1::json) AS r(${record})
       RETURNING id::float8 AS id`,
      [JSON.stringify(batch)],
    );
    ids.push(...inserted.map((r) => r.id));
    log(`${table}: ${Math.min(start + BATCH, rows.length).toLocaleString('en')} of ${rows.length.toLocaleString('en')}`);
  }
  return ids;
}

const point = (p: Position): string => JSON.stringify({ type: 'Point', coordinates: p });
const asText = (g: Geometry): string => JSON.stringify(g);

/** Removes what an earlier run generated (and only that), visits and claims before what they point at. */
export async function removeGenerated(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    for (const table of ['incidents', 'roadblocks', 'security_presence', 'claims', 'routes', 'site_visits', 'sites', 'cooperatives']) {
      await tx.query(`DELETE FROM ${table} WHERE source = $1`, [GENERATED_SOURCE]);
    }
  });
}

export async function generateProvince(db: Database, size: ProvinceSize, log: (line: string) => void = () => {}): Promise<Record<string, number>> {
  const random = seededRandom(size.seed);
  const { pick, near, day, round } = helpers(random);
  const towns: Position[] = Array.from({ length: TOWNS }, () => [round(AREA.west + random() * AREA.size), round(AREA.south + random() * AREA.size)]);
  // A few towns draw most records, as Bukavu, Uvira or Kamituga do.
  const weights = towns.map(() => 1 / (0.05 + random()));
  const total = weights.reduce((a, b) => a + b, 0);
  const town = () => {
    let r = random() * total;
    for (const [i, w] of weights.entries()) if ((r -= w) <= 0) return towns[i]!;
    return towns[TOWNS - 1]!;
  };
  const counts: Record<string, number> = {};

  const cooperatives = await insertRows(
    db,
    'cooperatives',
    { name: 'text', legal_status: 'text', source_id: 'text' },
    Array.from({ length: size.cooperatives }, (_, i) => ({
      name: `Coopérative générée ${i + 1}`,
      legal_status: pick(['authorised', 'pending', 'unrecognised']),
      source_id: `c${i}`,
      geometry: point(near(town(), 0.1)),
    })),
    'Point',
    log,
  );
  counts.cooperatives = cooperatives.length;

  // Circles of 220–550 m, as the contested-zone figures of issue 12 were measured on.
  const claims = Array.from({ length: size.claims }, (_, i) => {
    const centre = [AREA.west + random() * AREA.size, AREA.south + random() * AREA.size];
    const radiusKm = (220 + random() * 330) / 1000;
    return {
      cooperative_id: cooperatives[Math.floor(random() * cooperatives.length)],
      basis: pick(['title', 'application', 'customary', 'occupation']),
      valid_from: day(2010, 2020),
      source_id: `cl${i}`,
      geometry: asText(circle(centre, radiusKm, { steps: 16, units: 'kilometers' }).geometry),
    };
  });
  counts.claims = (
    await insertRows(db, 'claims', { cooperative_id: 'bigint', basis: 'text', valid_from: 'date', source_id: 'text' }, claims, 'MultiPolygon', log)
  ).length;

  const sites = await insertRows(
    db,
    'sites',
    { name: 'text', minerals: 'text[]', source_id: 'text' },
    Array.from({ length: size.sites }, (_, i) => ({
      name: `Site généré ${i + 1}`,
      minerals: [pick(MINERALS)],
      source_id: `s${i}`,
      geometry: point(near(town(), 0.15)),
    })),
    'Point',
    log,
  );
  counts.sites = sites.length;
  counts.visits = (
    await insertRows(
      db,
      'site_visits',
      { site_id: 'bigint', visited_on: 'date', presence_observed: 'boolean', armed_presence: 'boolean', source_id: 'text' },
      Array.from({ length: size.visits }, (_, i) => ({
        site_id: sites[i % sites.length]!,
        visited_on: day(2015, 2025),
        presence_observed: true,
        armed_presence: random() < 0.3,
        source_id: `v${i}`,
      })),
      null,
      log,
    )
  ).length;

  // Roads from town to town, bent a little, until they add up to the length asked.
  const routes: Row[] = [];
  let km = 0;
  while (km < size.routeKm) {
    const [a, b] = [pick(towns), pick(towns)];
    const length = Math.hypot(b[0]! - a[0]!, b[1]! - a[1]!) * 111;
    if (length < 5 || length > 120) continue;
    const path = Array.from({ length: 9 }, (_, k) =>
      k === 0 ? a : k === 8 ? b : near([a[0]! + ((b[0]! - a[0]!) * k) / 8, a[1]! + ((b[1]! - a[1]!) * k) / 8], 0.01),
    );
    routes.push({
      name: `Route générée ${routes.length + 1}`,
      surface: pick(['road', 'track', 'footpath']),
      source_id: `r${routes.length}`,
      geometry: asText({ type: 'LineString', coordinates: path }),
    });
    km += length;
  }
  const routeIds = await insertRows(db, 'routes', { name: 'text', surface: 'text', source_id: 'text' }, routes, 'LineString', log);
  counts.routes = routeIds.length;
  // A roadblock every 25 km or so, at a bend of a road.
  const roadblocks = Array.from({ length: Math.round(size.routeKm / 25) }, (_, i) => {
    const r = Math.floor(random() * routes.length);
    const path = (JSON.parse(routes[r]!.geometry as string) as { coordinates: Position[] }).coordinates;
    return {
      operator_type: pick(ACTORS),
      taxes: random() < 0.7,
      taxes_minerals: random() < 0.3,
      route_id: routeIds[r],
      valid_from: day(2015, 2024),
      source_id: `b${i}`,
      geometry: point(path[1 + Math.floor(random() * 7)]!),
    };
  });
  counts.roadblocks = (
    await insertRows(
      db,
      'roadblocks',
      { operator_type: 'text', taxes: 'boolean', taxes_minerals: 'boolean', route_id: 'bigint', valid_from: 'date', source_id: 'text' },
      roadblocks,
      'Point',
      log,
    )
  ).length;

  counts.presence = (
    await insertRows(
      db,
      'security_presence',
      { actor_type: 'text', valid_from: 'date', source_id: 'text' },
      Array.from({ length: size.presence }, (_, i) => ({
        actor_type: pick(ACTORS),
        valid_from: day(2012, 2025),
        source_id: `p${i}`,
        geometry: point(near(town(), 0.12)),
      })),
      'Point',
      log,
    )
  ).length;

  counts.incidents = (
    await insertRows(
      db,
      'incidents',
      { occurred_on: 'date', category: 'text', perpetrator_type: 'text', victims: 'int', source_id: 'text' },
      Array.from({ length: size.incidents }, (_, i) => ({
        occurred_on: day(2012, 2025),
        category: pick(CATEGORIES),
        perpetrator_type: pick(ACTORS),
        victims: Math.floor(random() * 12),
        source_id: `i${i}`,
        geometry: point(near(town(), 0.08)),
      })),
      'Point',
      log,
    )
  ).length;

  await db.exec('ANALYZE');
  return counts;
}
