/**
 * The list as a CSV file for the minutes: one row per change, in the order the page shows
 * them, with the codes as the API gives them beside the line in the page's language, and the
 * period and area it covers, so the file says on its own what it is.
 */
import { csvText } from '../shared/csv-file.js';
import type { Changes } from './api.js';
import { changeLine } from './lines.js';
import { caseLink, mapLink } from './links.js';
import type { ChangesQuery } from './query.js';
import { SECTIONS, groupChanges } from './sections.js';

export const CSV_HEADER = [
  'section',
  'kind',
  'change',
  'name',
  'date',
  'rules',
  'severity_before',
  'severity_after',
  'km_before',
  'km_after',
  'category',
  'description',
  'map_link',
  'case_link',
  'evidence',
  'longitude',
  'latitude',
  'from',
  'to',
  'bbox',
] as const;

/** `changes-2018-08-01-2018-12-31.csv` */
export const csvFileName = (answer: Pick<Changes, 'from' | 'to'>) => `changes-${answer.from}-${answer.to}.csv`;

/** Links in the file are whole addresses: the minutes are read away from this page. */
const absolute = (href: string | null, base: string) => (href === null ? null : new URL(href, base).href);

export function changesCsv(answer: Changes, query: ChangesQuery, base: string): string {
  const groups = groupChanges(answer.changes);
  const rows = SECTIONS.flatMap((section) =>
    groups[section].map((c) => [
      section,
      c.kind,
      c.change,
      c.name,
      c.date,
      c.rules,
      c.severity_before,
      c.severity_after,
      c.km_before,
      c.km_after,
      c.category,
      changeLine(c),
      absolute(mapLink(c), base),
      absolute(caseLink(c), base),
      c.evidence.map((e) => `${e.layer} #${e.id}`),
      c.lon,
      c.lat,
      answer.from,
      answer.to,
      query.bbox?.join(','),
    ]),
  );
  return csvText(CSV_HEADER, rows);
}
