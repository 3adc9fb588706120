import type { Queryable } from '../../db/database.js';
import { SENSITIVE_CATEGORIES } from '../../sharing/incident-coarsening.js';
import type { ContestedZone } from '../contested/contested-schema.js';
import type { MilitarisedRoutes } from '../militarised-routes/militarised-routes-schema.js';
import type { SiteFlags } from '../security/security-schema.js';
import { contestedOn, militarisedRoutesOn, siteFlagsOn } from '../map-analyses.js';
import type { ChangesParams } from './changes-params.js';
import type { Change, Changes } from './changes-schema.js';
import { incidentsBetweenSql } from './changes-sql.js';

/** Serious enough to put before a meeting by default: harm to people, and armed clashes. */
export const SERIOUS_CATEGORIES = [...SENSITIVE_CATEGORIES, 'armed_clash'] as const;

const round2 = (value: number) => Math.round(value * 100) / 100;

const blank = { severity_before: null, severity_after: null, km_before: null, km_after: null, category: null } as const;

interface Snapshot {
  contested: ContestedZone[];
  sites: SiteFlags;
  routes: MilitarisedRoutes;
}

/** Every analysis the map draws, on one day, with its defaults. */
async function snapshot(db: Queryable, date: string, bbox: number[] | undefined): Promise<Snapshot> {
  const contested = await contestedOn(db, date, bbox);
  return { contested: contested.features, sites: await siteFlagsOn(db, date, bbox), routes: await militarisedRoutesOn(db, date, bbox) };
}

const claimIds = (zone: ContestedZone) => new Set(zone.properties.claimants.map((c) => c.claim_id));
const cooperatives = (zone: ContestedZone) => [...new Set(zone.properties.claimants.map((c) => c.cooperative_name))].join(' / ');

/** Two zones on different days are the same dispute when they share a pair of claims: the ground can grow or shrink, the parties stay. */
function sameDispute(a: ContestedZone, b: ContestedZone): boolean {
  const ids = claimIds(a);
  return [...claimIds(b)].filter((id) => ids.has(id)).length >= 2;
}

function contestedChange(zone: ContestedZone, change: Change['change'], date: string, before: ContestedZone | null, after: ContestedZone | null): Change {
  const [lon, lat] = zone.properties.label;
  return {
    ...blank,
    kind: 'contested',
    change,
    name: cooperatives(zone),
    lon,
    lat,
    date,
    rules: zone.properties.rules,
    severity_before: before?.properties.severity ?? null,
    severity_after: after?.properties.severity ?? null,
    evidence: [
      ...zone.properties.claimants.map((c) => ({ layer: 'claims', id: c.claim_id })),
      ...zone.properties.presence.map((p) => ({ layer: 'presence', id: p.presence_id })),
    ],
  };
}

/** Disputes that appeared, ended, or changed severity between the two days. */
function contestedChanges(before: ContestedZone[], after: ContestedZone[], params: ChangesParams): Change[] {
  const out: Change[] = [];
  for (const zone of after) {
    const then = before.find((b) => sameDispute(b, zone));
    if (!then) out.push(contestedChange(zone, 'appeared', params.to, null, zone));
    else if (zone.properties.severity_rank !== then.properties.severity_rank) {
      const worse = zone.properties.severity_rank > then.properties.severity_rank;
      out.push(contestedChange(zone, worse ? 'worsened' : 'eased', params.to, then, zone));
    }
  }
  for (const zone of before) if (!after.some((a) => sameDispute(zone, a))) out.push(contestedChange(zone, 'ended', params.from, zone, null));
  return out;
}

/** Sites whose current flags (R1–R4, R11 applied) gained or lost a rule. */
function siteChanges(before: SiteFlags, after: SiteFlags, params: ChangesParams): Change[] {
  const out: Change[] = [];
  const then = new Map(before.features.map((f) => [f.properties.site_id, f]));
  const now = new Map(after.features.map((f) => [f.properties.site_id, f]));
  for (const id of new Set([...then.keys(), ...now.keys()])) {
    const was = new Set(then.get(id)?.properties.rules ?? []);
    const is = new Set(now.get(id)?.properties.rules ?? []);
    const rose = [...is].filter((r) => !was.has(r));
    const cleared = [...was].filter((r) => !is.has(r));
    for (const [change, rules, site, date] of [
      ['rose', rose, now.get(id), params.to],
      ['cleared', cleared, then.get(id), params.from],
    ] as const) {
      if (rules.length === 0 || !site) continue;
      const [lon, lat] = site.geometry.coordinates as [number, number];
      out.push({
        ...blank,
        kind: 'site',
        change,
        name: site.properties.name,
        lon,
        lat,
        date,
        rules: [...rules].sort(),
        // One observation can raise several rules: each record once.
        evidence: [
          ...new Map(
            site.properties.flags.filter((f) => rules.includes(f.rule) && !f.stale).map((f) => [`${f.evidence.layer}:${f.evidence.id}`, f.evidence]),
          ).values(),
        ],
      });
    }
  }
  return out;
}

/** Routes that became militarised (R8, R9) or stopped being so. */
function routeChanges(before: MilitarisedRoutes, after: MilitarisedRoutes, params: ChangesParams): Change[] {
  const out: Change[] = [];
  const then = new Map(before.routes.map((r) => [r.route_id, r]));
  const now = new Map(after.routes.map((r) => [r.route_id, r]));
  for (const id of new Set([...then.keys(), ...now.keys()])) {
    const kmBefore = then.get(id)?.militarised_km ?? 0;
    const kmAfter = now.get(id)?.militarised_km ?? 0;
    if (kmBefore > 0 === kmAfter > 0) continue;
    const rose = kmAfter > 0;
    const [summary, answer, date] = rose ? [now.get(id)!, after, params.to] : [then.get(id)!, before, params.from];
    const segments = answer.features.filter((f) => f.properties.route_id === id && f.properties.militarised);
    const middle = segments[Math.floor(segments.length / 2)]?.geometry.coordinates;
    const [lon, lat] = (middle?.[Math.floor(middle.length / 2)] ?? [0, 0]) as [number, number];
    const evidence = new Map<string, { layer: string; id: number }>();
    for (const segment of segments)
      for (const e of segment.properties.evidence) {
        evidence.set(`${e.layer}:${e.id}`, { layer: e.layer, id: e.id });
      }
    out.push({
      ...blank,
      kind: 'route',
      change: rose ? 'rose' : 'cleared',
      name: summary.name,
      lon,
      lat,
      date,
      rules: summary.rules,
      km_before: round2(kmBefore),
      km_after: round2(kmAfter),
      evidence: [...evidence.values()],
    });
  }
  return out;
}

/**
 * What changed between two days (issue 15, "since the last meeting"): the map's analyses run on
 * both, their flags compared, and the incidents between them listed. Each change says where
 * to look and on which day the map shows it, and the records it rests on.
 */
export async function findChanges(db: Queryable, params: ChangesParams): Promise<Changes> {
  const before = await snapshot(db, params.from, params.bbox);
  const after = await snapshot(db, params.to, params.bbox);
  const flags = [
    ...contestedChanges(before.contested, after.contested, params),
    ...siteChanges(before.sites, after.sites, params),
    ...routeChanges(before.routes, after.routes, params),
  ];
  const order = (c: Change) => (['appeared', 'worsened', 'rose'].includes(c.change) ? 0 : 1);
  flags.sort((a, b) => order(a) - order(b));
  const query = incidentsBetweenSql(params.from, params.to, params.incidents === 'serious' ? SERIOUS_CATEGORIES : null, params.bbox);
  const incidents = await db.query<{ id: number; category: string; occurred_on: string; lon: number; lat: number }>(query.text, query.values);
  const incidentChanges: Change[] = incidents.map((i) => ({
    ...blank,
    kind: 'incident',
    change: 'occurred',
    name: i.category,
    lon: i.lon,
    lat: i.lat,
    date: i.occurred_on,
    rules: [],
    category: i.category,
    evidence: [{ layer: 'incidents', id: i.id }],
  }));
  return {
    from: params.from,
    to: params.to,
    changes: [...flags, ...incidentChanges],
    counts: { rose: flags.filter((c) => order(c) === 0).length, cleared: flags.filter((c) => order(c) === 1).length, incidents: incidentChanges.length },
  };
}
