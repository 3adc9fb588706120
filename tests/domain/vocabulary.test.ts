import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.js';
import * as V from '../../server/domain/vocabulary.js';
import { openTestDatabase } from '../support/test-database.js';

/**
 * The vocabularies live twice: in TypeScript (API schemas, importers, the map) and as CHECK
 * constraints in migrations/. A value added to one and not the other would be refused by the
 * database with a 400 the API schema promised would not happen, or the reverse.
 */
const COLUMNS: Array<[table: string, column: string, vocabulary: readonly string[]]> = [
  ['zones', 'status', V.ZONE_STATUSES],
  ['zones', 'production_level', V.PRODUCTION_LEVELS],
  ['zones', 'qualification', V.QUALIFICATIONS],
  ['cooperatives', 'legal_status', V.LEGAL_STATUSES],
  ['sites', 'location_precision', V.LOCATION_PRECISIONS],
  ['sites', 'location_issue', V.LOCATION_ISSUES],
  ['site_visit_actors', 'actor_type', V.ACTOR_TYPES],
  ['site_visit_actors', 'behaviours', V.BEHAVIOURS],
  ['claims', 'basis', V.CLAIM_BASES],
  ['claims', 'status', V.CLAIM_STATUSES],
  ['security_presence', 'actor_type', V.ACTOR_TYPES],
  ['security_presence', 'behaviours', V.BEHAVIOURS],
  ['security_presence', 'link_kind', V.LINK_KINDS],
  ['security_presence', 'confidence', V.CONFIDENCES],
  ['routes', 'surface', V.ROUTE_SURFACES],
  ['roadblocks', 'operator_type', V.ACTOR_TYPES],
  ['incidents', 'category', V.INCIDENT_CATEGORIES],
  ['incidents', 'perpetrator_type', V.ACTOR_TYPES],
  ['incidents', 'verification', V.VERIFICATIONS],
  ['incidents', 'follow_up', V.FOLLOW_UPS],
  ['permits', 'permit_type', V.PERMIT_TYPES],
  ['permits', 'permit_status', V.PERMIT_STATUSES],
];

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db?.close());

/** The quoted words of the CHECK constraint that names the column, as the database prints it. */
async function allowedByDatabase(table: string, column: string): Promise<string[]> {
  const rows = await db.query<{ def: string }>(
    `SELECT pg_get_constraintdef(c.oid) AS def FROM pg_constraint c
     WHERE c.conrelid = $1::regclass AND c.contype = 'c'`,
    [table],
  );
  const defs = rows.map((r) => r.def).filter((d) => new RegExp(`\\(*${column}\\b[^,]*(ANY|<@)`).test(d));
  expect(defs, `${table}.${column}: exactly one vocabulary CHECK`).toHaveLength(1);
  return [...defs[0]!.matchAll(/'([a-z_]+)'/g)].map((m) => m[1]!).sort();
}

describe('vocabularies: TypeScript and the database agree', () => {
  it.each(COLUMNS)('%s.%s', async (table, column, vocabulary) => {
    expect(await allowedByDatabase(table, column)).toEqual([...vocabulary].sort());
  });
});
