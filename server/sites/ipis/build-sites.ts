import type { IpisSiteFacts, IpisVisit, LocationPrecision } from './normalise-ipis.js';

/** A site as the sites layer stores it, built from all its visits in the file. */
export interface IpisSite {
  pcode: string;
  /** null when no visit names the site; the importer then names it by its pcode. */
  name: string | null;
  province: string | null;
  territory: string | null;
  collectivite: string | null;
  groupement: string | null;
  village: string | null;
  minerals: string[];
  point: [number, number];
  locationPrecision: LocationPrecision;
  /** The first visit: IPIS knew of the site from then on. */
  validFrom: string;
  /** The visit the point comes from. */
  latest: IpisVisit;
  /** Oldest first. */
  visits: IpisVisit[];
}

/** Numeric vids compare as numbers ('99' before '100'); anything else as text. */
export function compareVids(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) {
    const [x, y] = [BigInt(a), BigInt(b)];
    if (x !== y) return x < y ? -1 : 1;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Oldest first: by visit date, then by vid (IPIS numbers visits in the order it records them). */
export function compareVisits(a: IpisVisit, b: IpisVisit): number {
  return a.visitedOn < b.visitedOn ? -1 : a.visitedOn > b.visitedOn ? 1 : compareVids(a.vid, b.vid);
}

type TextFact = 'name' | 'province' | 'territory' | 'collectivite' | 'groupement' | 'village';

/**
 * A site's state is its latest visit (docs/domain.md, mine sites and visits). The point and its precision come from
 * that visit. Each descriptive field comes from the latest visit that states it: a
 * status record (qualification, iTSCi) often leaves minerals or the groupement empty,
 * which says nothing about the site, so it must not blank what an earlier visit recorded.
 */
export function buildSite(visits: readonly IpisVisit[]): IpisSite {
  const sorted = [...visits].sort(compareVisits);
  const latest = sorted.at(-1);
  if (!latest) throw new Error('a site needs at least one visit');
  const newestFirst = [...sorted].reverse();
  const fact = (field: TextFact): string | null => newestFirst.find((v) => v.site[field] !== null)?.site[field] ?? null;
  const facts: IpisSiteFacts = latest.site;
  return {
    pcode: latest.pcode,
    name: fact('name'),
    province: fact('province'),
    territory: fact('territory'),
    collectivite: fact('collectivite'),
    groupement: fact('groupement'),
    village: fact('village'),
    minerals: newestFirst.find((v) => v.minerals.length > 0)?.minerals ?? [],
    point: facts.point,
    locationPrecision: facts.locationPrecision,
    validFrom: sorted[0]!.visitedOn,
    latest,
    visits: sorted,
  };
}

/** Visits grouped into sites by pcode, in the order the sites first appear in the file. */
export function buildSites(visits: readonly IpisVisit[]): IpisSite[] {
  const byPcode = new Map<string, IpisVisit[]>();
  for (const visit of visits) {
    const group = byPcode.get(visit.pcode);
    if (group) group.push(visit);
    else byPcode.set(visit.pcode, [visit]);
  }
  return [...byPcode.values()].map(buildSite);
}
