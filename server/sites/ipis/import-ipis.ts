import type { Database, Queryable } from '../../db/database.js';
import { recordChange } from '../../audit/audit-log.js';
import { HttpError } from '../../http/errors.js';
import { emptyReport, type ImportReport, type Rejection, type Warning } from '../../import/import-report.js';
import { upsertFeature, type UpsertOutcome } from '../../layers/layer-store.js';
import { sitesLayer } from '../sites-layer.js';
import { buildSite, buildSites, type IpisSite } from './build-sites.js';
import { actorSlots } from './ipis-format.js';
import { IPIS_SOURCE, storedIpisRecords, syncActors, touchVisit, upsertVisit, wktPoints } from './ipis-store.js';
import { DRC_BBOX, checkLocation, loadTerritoryEnvelopes, type LocationIssue, type TerritoryEnvelopes } from './location-check.js';
import { normaliseIpisRow, type IpisVisit, type RowNote } from './normalise-ipis.js';
import { linesLabel, parseIpisCsv } from './parse-ipis-csv.js';

export interface OutcomeCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/**
 * The report's `inserted` / `updated` / `unchanged` count RECORDS: sites and visits
 * together (the Kalehe file's first import: 101 sites + 359 visits = 460 inserted).
 * `sites` and `visits` give the same counts apart. A visit whose row is unchanged but
 * whose actors changed counts as updated. Actors are not counted on their own.
 */
export interface IpisImportReport extends ImportReport {
  sites: OutcomeCounts;
  visits: OutcomeCounts;
}

export interface IpisImportOptions {
  /** Territory envelopes for the plausibility check; data/reference/territories.json by default. */
  envelopes?: TerritoryEnvelopes;
}

/**
 * Imports an IPIS open-data CSV (any extract of the format: one territory or all of
 * eastern DRC) into sites, site_visits and site_visit_actors, in one transaction.
 * Broken rows are rejected with their line and the rest imported; a file without the
 * IPIS columns is refused (HttpError 400, naming the missing columns). Sites match on
 * pcode, visits on vid, so importing the same file again reports everything unchanged.
 * Sites and visits absent from the file are left alone: a partial extract deletes nothing.
 */
export async function importIpisCsv(db: Database, csv: string | Buffer, fileName: string, options: IpisImportOptions = {}): Promise<IpisImportReport> {
  const parsed = parseIpisCsv(csv);
  const envelopes = options.envelopes ?? loadTerritoryEnvelopes();
  const report: IpisImportReport = { ...emptyReport('ipis', fileName), sites: zero(), visits: zero() };
  report.rejected.push(...parsed.rejected);
  report.warnings.push(...parsed.warnings);

  const notes = new NoteCollector();
  const slots = actorSlots(parsed.header);
  const visits: IpisVisit[] = [];
  const lineOfVid = new Map<string, number>();
  const points = await wktPoints(
    db,
    parsed.rows.map((row) => row.record.geom),
  );
  for (const row of parsed.rows) {
    const result = normaliseIpisRow(row, slots, points);
    if (!result.ok) {
      report.rejected.push({ at: `line ${row.line}`, reason: result.reason });
      continue;
    }
    const earlier = lineOfVid.get(result.visit.vid);
    if (earlier !== undefined) {
      report.rejected.push({ at: `line ${row.line}`, reason: `vid ${result.visit.vid} is already the visit on line ${earlier}` });
      continue;
    }
    lineOfVid.set(result.visit.vid, row.line);
    for (const note of result.notes) notes.add(note, row.line);
    visits.push(result.visit);
  }

  const sites = buildSites(visits);
  await db.transaction(async (tx) => {
    const stored = await storedVisitsOutsideFile(tx, sites, lineOfVid);
    for (const fileSite of sites) {
      // Another extract may have brought earlier or later visits of this site: the site's
      // state and first date are taken over all of them, so a partial file never rolls it back.
      const site = buildSite([...fileSite.visits, ...(stored.get(fileSite.pcode) ?? [])]);
      const issue = checkLocation(site.point, site.territory, envelopes).issue;
      report.warnings.push(...locationWarnings(fileSite, site, envelopes, notes));
      if (!site.name) notes.add({ key: `unnamed:${site.pcode}`, message: `no visit names site ${site.pcode}: named by its pcode` }, fileSite.latest.line);
      try {
        const counts = await inSavepoint(tx, () => writeSite(tx, site, fileSite.visits, issue));
        add(report.sites, counts.site);
        for (const outcome of counts.visits) add(report.visits, outcome);
      } catch (error) {
        if (!(error instanceof HttpError)) throw error;
        const lines = fileSite.visits.map((v) => v.line).sort((a, b) => a - b);
        report.rejected.push({ at: linesLabel(lines), reason: `site ${site.pcode} and its ${lines.length} visit(s) not written: ${error.message}` });
      }
    }
    // One trace per file, not per row: a field extract holds hundreds of visits, and the
    // file plus its pcodes and vids say exactly what changed.
    if (report.sites.inserted + report.sites.updated + report.visits.inserted + report.visits.updated > 0) {
      await recordChange(tx, {
        actor: `import:${fileName}`,
        action: 'import',
        layer: 'sites',
        recordId: null,
        before: null,
        after: { sites: report.sites, visits: report.visits },
      });
    }
  });
  report.warnings.push(...notes.warnings());

  for (const counts of [report.sites, report.visits]) {
    report.inserted += counts.inserted;
    report.updated += counts.updated;
    report.unchanged += counts.unchanged;
  }
  report.rejected.sort(byFirstLine);
  return report;
}

/** Writes the site as `site` describes it, and the visits of this file. */
async function writeSite(
  tx: Queryable,
  site: IpisSite,
  visits: readonly IpisVisit[],
  locationIssue: LocationIssue | null,
): Promise<{ site: UpsertOutcome; visits: UpsertOutcome[] }> {
  const { id: siteId, outcome } = await upsertFeature(tx, sitesLayer, {
    geometry: { type: 'Point', coordinates: site.point },
    properties: {
      name: site.name ?? site.pcode,
      pcode: site.pcode,
      province: site.province,
      territory: site.territory,
      collectivite: site.collectivite,
      groupement: site.groupement,
      village: site.village,
      minerals: site.minerals,
      location_precision: site.locationPrecision,
      // always written, so that a corrected point clears an earlier issue
      location_issue: locationIssue,
      valid_from: site.validFrom,
      illustrative: false,
      source: IPIS_SOURCE,
      source_id: site.pcode,
    },
  });
  const outcomes: UpsertOutcome[] = [];
  for (const visit of visits) {
    const written = await upsertVisit(tx, siteId, visit);
    let visitOutcome = written.outcome;
    // A new visit without actors has none to compare; every other visit is reconciled.
    if (written.outcome !== 'inserted' || visit.actors.length > 0) {
      const actorsChanged = await syncActors(tx, written.id, visit.actors);
      if (actorsChanged && written.outcome === 'unchanged') {
        await touchVisit(tx, written.id);
        visitOutcome = 'updated';
      }
    }
    outcomes.push(visitOutcome);
  }
  return { site: outcome, visits: outcomes };
}

/**
 * One warning per site and doubtful point of this file (a site's visits usually repeat
 * its point), with the lines it stands on. Territories without an envelope are noted once each.
 */
function locationWarnings(fileSite: IpisSite, site: IpisSite, envelopes: TerritoryEnvelopes, notes: NoteCollector): Warning[] {
  const groups = new Map<string, { issue: LocationIssue; territory: string | null; point: [number, number]; lines: number[] }>();
  for (const visit of fileSite.visits) {
    const { point, territory } = visit.site;
    const check = checkLocation(point, territory, envelopes);
    if (!check.territoryChecked && territory) {
      notes.add(
        {
          key: `unchecked:${territory}`,
          message: `territory '${territory}' has no envelope in data/reference/territories.json: its points were checked against the country only`,
        },
        visit.line,
      );
    }
    if (!check.issue) continue;
    const key = `${check.issue}|${point.join(',')}|${territory}`;
    const group = groups.get(key) ?? { issue: check.issue, territory, point, lines: [] };
    group.lines.push(visit.line);
    groups.set(key, group);
  }
  return [...groups.values()].map(({ issue, territory, point, lines }) => {
    const where = issue === 'outside_country' ? `the DR Congo (bounding box ${DRC_BBOX.join(', ')})` : `the approximate envelope of territory ${territory}`;
    const current = point[0] === site.point[0] && point[1] === site.point[1];
    const kept = current ? `kept; the site is marked ${issue}` : `kept; an earlier point, the site's latest point is used`;
    return { at: linesLabel(lines), message: `site ${site.pcode} (${site.name ?? 'unnamed'}): point ${point[0]}, ${point[1]} lies outside ${where}; ${kept}` };
  });
}

/**
 * The stored IPIS visits of the file's sites that the file does not carry, read back from
 * their raw rows with the same rules as the file's own.
 */
async function storedVisitsOutsideFile(tx: Queryable, sites: readonly IpisSite[], fileVids: ReadonlyMap<string, number>): Promise<Map<string, IpisVisit[]>> {
  const rows = await storedIpisRecords(
    tx,
    sites.map((s) => s.pcode),
    [...fileVids.keys()],
  );
  const byPcode = new Map<string, IpisVisit[]>();
  const points = await wktPoints(
    tx,
    rows.map((row) => row.record.geom),
  );
  for (const { pcode, record } of rows) {
    const result = normaliseIpisRow({ line: 0, record }, actorSlots(Object.keys(record)), points);
    // A stored row only informs the site when it still names this site.
    if (!result.ok || result.visit.pcode !== pcode) continue;
    byPcode.set(pcode, [...(byPcode.get(pcode) ?? []), result.visit]);
  }
  return byPcode;
}

/** Collects the same note from many rows into one warning that lists their lines. */
class NoteCollector {
  private readonly byKey = new Map<string, { message: string; lines: number[] }>();

  add(note: RowNote, line: number): void {
    const entry = this.byKey.get(note.key);
    if (entry) {
      if (entry.lines.at(-1) !== line) entry.lines.push(line);
    } else {
      this.byKey.set(note.key, { message: note.message, lines: [line] });
    }
  }

  warnings(): Warning[] {
    return [...this.byKey.values()].map(({ message, lines }) => ({ at: linesLabel([...lines].sort((a, b) => a - b)), message }));
  }
}

/** One savepoint a site, so a site the database refuses leaves the others and the transaction intact. */
async function inSavepoint<T>(tx: Queryable, work: () => Promise<T>): Promise<T> {
  await tx.exec('SAVEPOINT ipis_site');
  try {
    const result = await work();
    await tx.exec('RELEASE SAVEPOINT ipis_site');
    return result;
  } catch (error) {
    await tx.exec('ROLLBACK TO SAVEPOINT ipis_site');
    throw error;
  }
}

const zero = (): OutcomeCounts => ({ inserted: 0, updated: 0, unchanged: 0 });
const add = (counts: OutcomeCounts, outcome: UpsertOutcome) => (counts[outcome] += 1);
const firstLine = (r: Rejection) => Number(/\d+/.exec(r.at)?.[0] ?? 0);
const byFirstLine = (a: Rejection, b: Rejection) => firstLine(a) - firstLine(b);
