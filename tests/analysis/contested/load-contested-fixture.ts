import type { Feature, FeatureCollection } from 'geojson';
import type { Database } from '../../../server/db/database.js';
import { HttpError } from '../../../server/http/errors.js';
import { createFeature } from '../../../server/layers/layer-store.js';
import { LAYERS } from '../../../server/layers/registry.js';

/**
 * A contested-zone fixture: a FeatureCollection whose features say their layer, with the
 * date to look at and the cooperatives' legal standing as foreign members. Claims and
 * presence name cooperatives by a letter; the loader turns letters into ids.
 */
export interface ContestedFixture extends FeatureCollection {
  description: string;
  date: string;
  cooperatives: Record<string, 'authorised' | 'pending' | 'unrecognised'>;
}

export interface LoadedFixture {
  /** cooperative id → its letter in the fixture */
  letterOf: Map<number, string>;
  rejected: number;
}

const TABLES = 'incidents, security_presence, claims, cooperatives, zones';

/** Empties the tables a fixture fills, so one database serves every case in turn. */
export async function clearFixtureTables(db: Database): Promise<void> {
  await db.exec(`TRUNCATE ${TABLES} RESTART IDENTITY CASCADE`);
}

/** Loads through the layer store, as the API would: a refused feature counts as rejected. */
export async function loadContestedFixture(db: Database, fixture: ContestedFixture): Promise<LoadedFixture> {
  const idOf = new Map<string, number>();
  const letterOf = new Map<number, string>();
  for (const [letter, legal_status] of Object.entries(fixture.cooperatives)) {
    const coop = await createFeature(db, LAYERS.cooperatives, { geometry: null, properties: { name: `Cooperative ${letter}`, legal_status } });
    idOf.set(letter, Number(coop.id));
    letterOf.set(Number(coop.id), letter);
  }
  let rejected = 0;
  for (const feature of fixture.features as Feature[]) {
    const { layer, cooperative, linked_cooperative, ...rest } = feature.properties as Record<string, unknown>;
    const properties: Record<string, unknown> = { ...rest };
    if (cooperative !== undefined) properties.cooperative_id = idOf.get(String(cooperative));
    if (linked_cooperative !== undefined) properties.linked_cooperative_id = idOf.get(String(linked_cooperative));
    try {
      await db.transaction((tx) => createFeature(tx, LAYERS[layer as keyof typeof LAYERS], { geometry: feature.geometry, properties }));
    } catch (error) {
      if (!(error instanceof HttpError) || error.statusCode !== 400) throw error;
      rejected += 1;
    }
  }
  return { letterOf, rejected };
}
