import { recordChange } from '../audit/audit-log.js';
import type { Database, Queryable } from '../db/database.js';
import { compileBodyValidator, describeIssue, type ValidationIssue } from '../http/validation.js';
import { today } from '../http/today.js';
import { emptyReport, type ImportReport } from '../import/import-report.js';
import type { LayerName } from '../layers/layer-definition.js';
import { findIdBySource } from '../layers/layer-store.js';
import { LAYERS } from '../layers/registry.js';
import { caseInputSchema, type CaseInput } from './case-schema.js';
import { createCase, findCaseIdBySource, readCase } from './case-store.js';

/**
 * A case file from a JSON file (the demo's `data/demo/bitale-case.json`): the body of
 * `POST /api/cases`, except that records are named by where they came from rather than by
 * database id, as in the GeoJSON imports: `{ "kind": "claim", "ref": "demo/bitale-claim-coop-a" }`
 * for a place, `{ "kind": "cooperative", "ref": "demo/coop-a" }` for a party,
 * `{ "layer": "incidents", "ref": "demo/bitale-inc-2019-05-06-torture" }` for a record a step
 * rests on. The case needs `source` and `source_id`: a case already loaded under them is left
 * as it is (`unchanged`), so loading the demo again changes nothing.
 */
const PLACE_LAYER: Record<string, LayerName> = { claim: 'claims', zone: 'zones', site: 'sites' };
const validateCase = compileBodyValidator(caseInputSchema);

class Unresolved extends Error {}

async function idOf(db: Queryable, layer: LayerName, ref: unknown, at: string): Promise<number> {
  const match = typeof ref === 'string' ? /^([^/]+)\/(.+)$/.exec(ref) : null;
  if (!match) throw new Unresolved(`${at}: ref must look like "<source>/<source_id>", not ${JSON.stringify(ref)}`);
  const id = await findIdBySource(db, LAYERS[layer], match[1]!, match[2]!);
  if (id === undefined) throw new Unresolved(`${at}: ref ${JSON.stringify(ref)} matches no ${layer} record`);
  return id;
}

type Json = Record<string, unknown>;

/** The file's case with every `ref` replaced by the database id it names. */
async function resolveCase(db: Queryable, input: Json): Promise<Json> {
  const places = await Promise.all(
    ((input.places as Json[] | undefined) ?? []).map(async ({ ref, ...place }, i) =>
      ref === undefined ? place : { ...place, record_id: await idOf(db, PLACE_LAYER[String(place.kind)] ?? 'zones', ref, `places/${i}`) },
    ),
  );
  const parties = await Promise.all(
    ((input.parties as Json[] | undefined) ?? []).map(async ({ ref, ...party }, i) =>
      ref === undefined ? party : { ...party, cooperative_id: await idOf(db, 'cooperatives', ref, `parties/${i}`) },
    ),
  );
  const steps = await Promise.all(
    ((input.steps as Json[] | undefined) ?? []).map(async (step, i) => ({
      ...step,
      rests_on: await Promise.all(
        ((step.rests_on as Json[] | undefined) ?? []).map(async ({ ref, ...record }, j) =>
          ref === undefined ? record : { ...record, id: await idOf(db, record.layer as LayerName, ref, `steps/${i}/rests_on/${j}`) },
        ),
      ),
    })),
  );
  return { ...input, places, parties, steps };
}

export async function importCaseFile(db: Database, text: string, fileName: string): Promise<ImportReport> {
  const report = emptyReport('case', fileName);
  let input: Json;
  try {
    input = JSON.parse(text) as Json;
  } catch (error) {
    report.rejected.push({ at: 'file', reason: `not JSON: ${(error as Error).message}` });
    return report;
  }
  if (typeof input.source !== 'string' || typeof input.source_id !== 'string') {
    report.rejected.push({ at: 'case', reason: 'a case loaded from a file needs `source` and `source_id`, so that loading it again can recognise it' });
    return report;
  }
  if ((await findCaseIdBySource(db, input.source, input.source_id)) !== undefined) {
    report.unchanged += 1;
    return report;
  }
  try {
    const resolved = await resolveCase(db, input);
    if (!validateCase(resolved)) {
      const issues = (validateCase.errors ?? []) as unknown as ValidationIssue[];
      report.rejected.push({ at: 'case', reason: issues.map((issue) => describeIssue('case', issue)).join('; ') });
      return report;
    }
    await db.transaction(async (tx) => {
      const id = await createCase(tx, resolved as CaseInput);
      await recordChange(tx, {
        actor: `import:${fileName}`,
        action: 'create',
        layer: 'cases',
        recordId: id,
        before: null,
        after: await readCase(tx, id, today()),
      });
    });
    report.inserted += 1;
  } catch (error) {
    if (error instanceof Unresolved || (error as { statusCode?: number }).statusCode === 400) {
      report.rejected.push({ at: 'case', reason: (error as Error).message });
      return report;
    }
    throw error;
  }
  return report;
}
