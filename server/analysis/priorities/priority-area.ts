/**
 * The area a ranking and a plan are about (issue #15): a province or a territory as the data
 * names them, or a drawn box; with none given, the working group's home province
 * (HOME_PROVINCE, default Sud-Kivu). Sites carry IPIS's own `province` and `territory`; a ZEA
 * carries them when its source does (the demo's do), else takes those of the nearest mine site
 * with a province, inside it or within ZONE_AREA_REACH_KM (CAMI's polygons name none). The
 * territory envelopes in data/reference/territories.json are not used: they are for
 * plausibility checks only, overlap each other, and cover the Kivus alone.
 */
import { Type, type Static } from 'typebox';
import { parseBbox, bboxParam } from '../../http/bbox-param.js';
import { areaKey, canonicalProvince } from '../../domain/provinces.js';

/** The default of HOME_PROVINCE (server/config.ts): the South Kivu working group's own province. */
export const HOME_PROVINCE_DEFAULT = 'Sud-Kivu';
/** `province=all`: every province the data holds. */
export const ALL_PROVINCES = 'all';
/** A ZEA with no province of its own takes the nearest site's, this close at most: a ZEA a few km from its sites is still theirs. */
export const ZONE_AREA_REACH_KM = 10;

const areaName = (description: string) => Type.Optional(Type.String({ minLength: 1, maxLength: 100, description }));

export const areaProperties = {
  province: areaName(
    `only places in this province, as the data names it, in French or English ('Sud-Kivu', 'South Kivu'); '${ALL_PROVINCES}' for every province. ` +
      'With no province, territory or bbox: the working group’s home province (HOME_PROVINCE). A ZEA with no province of its own takes the nearest site’s (10 km at most)',
  ),
  territory: areaName("only places in this territory ('Kalehe'); with a province, both must hold"),
  bbox: bboxParam('only places touching this box, a drawn area: minLon,minLat,maxLon,maxLat (WGS84); with a province or territory, both must hold'),
};

export interface PriorityArea {
  /** Canonical ('Sud-Kivu'); null: every province. */
  province: string | null;
  territory: string | null;
  bbox: number[] | null;
  /** No area was asked for: the home province stands in. */
  home: boolean;
}

/** The area a query asks for, the home province when it names none. */
export function areaAsked(q: { province?: string; territory?: string; bbox?: string }, homeProvince: string): PriorityArea {
  const territory = q.territory?.trim() || null;
  const bbox = q.bbox ? parseBbox(q.bbox) : null;
  if (q.province === undefined && territory === null && bbox === null) {
    return { province: canonicalProvince(homeProvince), territory: null, bbox: null, home: true };
  }
  const province = q.province === undefined || areaKey(q.province) === ALL_PROVINCES ? null : canonicalProvince(q.province);
  return { province, territory, bbox, home: false };
}

/** One (province, territory) pair as the data spells it, with how many places carry it. */
export interface AreaRow {
  province: string | null;
  territory: string | null;
  places: number;
}

export const areaListSchema = Type.Object(
  {
    provinces: Type.Array(
      Type.Object(
        {
          name: Type.String({ description: "the province's one spelling ('Sud-Kivu')" }),
          places: Type.Integer({ minimum: 0 }),
          territories: Type.Array(Type.Object({ name: Type.String(), places: Type.Integer({ minimum: 0 }) }, { additionalProperties: false })),
        },
        { additionalProperties: false },
      ),
    ),
    unlocated: Type.Integer({ minimum: 0, description: 'places (sites and ZEAs, any date) whose province is not known: in no province’s ranking' }),
  },
  { additionalProperties: false, description: 'the provinces and territories the data holds, with their places (sites and ZEAs, any date)' },
);
export type AreaList = Static<typeof areaListSchema>;

export const areaShownSchema = Type.Object(
  {
    province: Type.Union([Type.String(), Type.Null()], { description: 'null: every province' }),
    territory: Type.Union([Type.String(), Type.Null()]),
    bbox: Type.Union([Type.Array(Type.Number(), { minItems: 4, maxItems: 4 }), Type.Null()]),
    home_province: Type.String({ description: 'the working group’s home province (HOME_PROVINCE): the area when none is asked for' }),
    home: Type.Boolean({ description: 'true when no area was asked for and the home province stands in' }),
  },
  { additionalProperties: false, description: 'the area ranked' },
);
export type AreaShown = Static<typeof areaShownSchema>;

/** The areas the data holds, each name spelt once: provinces by canonicalProvince, territories by areaKey (the most frequent spelling shown). */
export function areaList(rows: readonly AreaRow[]): AreaList {
  const provinces = new Map<string, { places: number; territories: Map<string, Map<string, number>> }>();
  let unlocated = 0;
  for (const row of rows) {
    const province = canonicalProvince(row.province);
    if (province === null) {
      unlocated += row.places;
      continue;
    }
    const entry = provinces.get(province) ?? { places: 0, territories: new Map<string, Map<string, number>>() };
    provinces.set(province, entry);
    entry.places += row.places;
    if (row.territory === null) continue;
    const key = areaKey(row.territory);
    const spellings = entry.territories.get(key) ?? new Map<string, number>();
    entry.territories.set(key, spellings);
    spellings.set(row.territory, (spellings.get(row.territory) ?? 0) + row.places);
  }
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'fr');
  return {
    provinces: [...provinces.entries()]
      .map(([name, entry]) => ({
        name,
        places: entry.places,
        territories: [...entry.territories.values()]
          .map((spellings) => {
            const sorted = [...spellings.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
            return { name: sorted[0]![0], places: sorted.reduce((s, [, n]) => s + n, 0) };
          })
          .sort(byName),
      }))
      .sort(byName),
    unlocated,
  };
}

/** The spellings the data uses for the area asked: what the SQL compares with (null: no condition). */
export interface AreaFilter {
  provinces: string[] | null;
  territories: string[] | null;
  bbox: number[] | null;
}

export function areaFilter(area: PriorityArea, rows: readonly AreaRow[]): AreaFilter {
  const spellings = (values: (string | null)[], wanted: (raw: string) => boolean) => [...new Set(values.filter((v): v is string => v !== null && wanted(v)))];
  const territoryKey = area.territory === null ? null : areaKey(area.territory);
  return {
    provinces:
      area.province === null
        ? null
        : spellings(
            rows.map((r) => r.province),
            (raw) => canonicalProvince(raw) === area.province,
          ),
    territories:
      territoryKey === null
        ? null
        : spellings(
            rows.map((r) => r.territory),
            (raw) => areaKey(raw) === territoryKey,
          ),
    bbox: area.bbox,
  };
}
