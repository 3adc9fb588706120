import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as V from '../../server/cases/case-vocabulary.js';
import type { Database } from '../../server/db/database.js';
import { openTestDatabase } from '../support/test-database.js';

/**
 * The case files' vocabularies live twice, in server/cases/case-vocabulary.ts (API schemas, the
 * pages) and as CHECK constraints in migrations/012.do.cases.sql: they must agree, or the
 * database refuses with a 400 what the API schema promised to take, or the reverse.
 */
const COLUMNS: Array<[table: string, column: string, vocabulary: readonly string[]]> = [
  ['cases', 'status', V.CASE_STATUSES],
  ['case_places', 'kind', V.PLACE_KINDS],
  ['case_parties', 'kind', V.PARTY_KINDS],
  ['case_steps', 'kind', V.STEP_KINDS],
  ['case_steps', 'actor_kind', V.ACTOR_KINDS],
];

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db?.close());

/** The quoted words of the one CHECK that lists the column's values (`column = ANY (ARRAY[…])`). */
async function allowedByDatabase(table: string, column: string): Promise<string[]> {
  const rows = await db.query<{ def: string }>(
    `SELECT pg_get_constraintdef(c.oid) AS def FROM pg_constraint c WHERE c.conrelid = $1::regclass AND c.contype = 'c'`,
    [table],
  );
  const defs = rows.map((r) => r.def).filter((d) => new RegExp(`(^|[^a-z_])${column}\\b[^,]*ANY`).test(d));
  expect(defs, `${table}.${column}: exactly one vocabulary CHECK`).toHaveLength(1);
  return [...defs[0]!.matchAll(/'([a-z_]+)'/g)].map((m) => m[1]!).sort();
}

describe('case vocabularies: TypeScript and the database agree', () => {
  it.each(COLUMNS)('%s.%s', async (table, column, vocabulary) => {
    expect(await allowedByDatabase(table, column)).toEqual([...vocabulary].sort());
  });

  it('has every step kind of the working group process, and the evidence layers the tables refer to', async () => {
    expect(V.STEP_KINDS).toHaveLength(14);
    const columns = await db.query<{ name: string }>(
      `SELECT attname AS name FROM pg_attribute WHERE attrelid = 'case_step_records'::regclass AND attname LIKE '%\\_id' AND attname <> 'step_id' ORDER BY attnum`,
    );
    expect(columns.map((c) => c.name)).toEqual(['incident_id', 'presence_id', 'claim_id']);
    expect(V.EVIDENCE_LAYERS).toEqual(['incidents', 'presence', 'claims']);
  });
});
