import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LAYERS } from '../../server/layers/registry.js';
import { DATA_LAYERS, drawnLayers, type DataLayerName } from '../../web/src/map/layers/layers.js';

/**
 * Issue 13: a vector tile carries of each record only the fields the map draws and filters by
 * (LayerDefinition.tileFields). Were one missing, a layer drawn from tiles at province scale
 * would draw every record alike, or filter none: read here from the map's own style and filters.
 */
const FILTERS: Partial<Record<DataLayerName, string[]>> = {
  incidents: ['web/src/map/incidents/incident-filter.ts', 'web/src/map/incidents/incident-recency.ts'],
  presence: ['web/src/map/layers/presence-filter.ts'],
};

/** Every field a style expression reads: `['get', name]` and `['has', name]`. */
function fieldsRead(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    if ((value[0] === 'get' || value[0] === 'has') && value.length === 2 && typeof value[1] === 'string') into.add(value[1]);
    for (const item of value) fieldsRead(item, into);
  } else if (value && typeof value === 'object') {
    for (const item of Object.values(value)) fieldsRead(item, into);
  }
  return into;
}

/** The fields a filter module reads, from its source: its expressions are built when the page runs. */
function fieldsFiltered(file: string): string[] {
  return [...readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8').matchAll(/\['(?:get|has)', '([a-z_.]+)'\]/g)].map((m) => m[1]!);
}

describe('the fields a tile carries', () => {
  it.each(DATA_LAYERS)('hold every published field the map draws or filters %s by', (name) => {
    const layer = LAYERS[name];
    const published = new Set([...layer.columns.map((c) => c.name), ...(layer.computed ?? []).map((c) => c.name)]);
    const read = fieldsRead(drawnLayers(name));
    for (const file of FILTERS[name] ?? []) for (const field of fieldsFiltered(file)) read.add(field);
    // Fields the page adds to its own records (a site's armed-presence state) are not the tiles' to carry.
    const needed = [...read].filter((field) => published.has(field));
    expect(needed.filter((field) => !layer.tileFields.includes(field))).toEqual([]);
    expect(
      layer.tileFields.filter((field) => !published.has(field)),
      'tile fields the layer does not publish',
    ).toEqual([]);
  });

  it('reads the filters it names (or the check above proves nothing for them)', () => {
    expect(fieldsFiltered(FILTERS.incidents![0]!)).toEqual(expect.arrayContaining(['category', 'verification', 'occurred_on']));
    expect(fieldsFiltered(FILTERS.presence![0]!)).toContain('actor_type');
  });
});
