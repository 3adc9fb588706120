import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as V from '../../server/domain/vocabulary.js';
import { incidentsLayer } from '../../server/incidents/incidents-layer.js';
import { valueLabel } from '../../web/src/shared/field-labels.js';
import { addDays } from '../../web/src/map/incidents/incident-filter.js';
import { monthsUpTo } from '../../web/src/map/incidents/incident-months.js';
import * as W from '../../web/src/map/incidents/incident-vocabulary.js';
import { setLang } from '../../web/src/shared/language.js';
import { readRefusal } from '../../web/src/shared/server-message.js';

/**
 * The map's incident editor offers the server's vocabularies from its own copies (the browser
 * bundle carries no server code). tsc ties the copies of the shared lists to their types; this
 * checks, at run time, every list the form offers against the schema the server validates
 * incidents with, including the ones that exist only inside it (source types, the 1–3 scales).
 */
type Schema = { enum?: string[]; anyOf?: Schema[]; minimum?: number; maximum?: number; items?: Schema; properties?: Record<string, Schema> };
const schemaOf = (name: string): Schema => incidentsLayer.columns.find((c) => c.name === name)!.schema as Schema;
/** The enum of a column, nullable or not. */
const enumOf = (schema: Schema): string[] => schema.enum ?? schema.anyOf!.find((s) => s.enum)!.enum!;
const numberOf = (schema: Schema): Schema => (schema.anyOf ? schema.anyOf.find((s) => s.maximum !== undefined)! : schema);

describe('the incident form offers what the server takes', () => {
  it.each([
    ['category', W.CATEGORIES, V.INCIDENT_CATEGORIES],
    ['perpetrator_type', W.PERPETRATOR_TYPES, V.ACTOR_TYPES],
    ['verification', W.VERIFICATION_LEVELS, V.VERIFICATIONS],
    ['follow_up', W.FOLLOW_UP_STATES, V.FOLLOW_UPS],
  ] as const)('%s', (column, offered, vocabulary) => {
    expect([...offered]).toEqual([...vocabulary]);
    expect([...offered]).toEqual(enumOf(schemaOf(column)));
  });

  it('sources[].type', () => {
    expect([...W.SOURCE_TYPES]).toEqual(schemaOf('sources').items!.properties!.type!.enum);
  });

  it.each(['time_precision', 'geo_precision'])('%s runs from 1 to 3', (column) => {
    const schema = schemaOf(column);
    expect([...W.PRECISIONS]).toEqual(Array.from({ length: schema.maximum! - schema.minimum! + 1 }, (_, i) => schema.minimum! + i));
  });

  it.each(['victims', 'killed', 'injured'])('%s is a count up to the server’s limit', (column) => {
    expect(numberOf(schemaOf(column))).toMatchObject({ minimum: 0, maximum: W.MAX_COUNT });
  });

  it('labels every value it offers in French and in English', () => {
    const fields: Array<[string, readonly (string | number)[]]> = [
      ['category', W.CATEGORIES],
      ['perpetrator_type', W.PERPETRATOR_TYPES],
      ['verification', W.VERIFICATION_LEVELS],
      ['follow_up', W.FOLLOW_UP_STATES],
      ['type', W.SOURCE_TYPES],
      ['time_precision', W.PRECISIONS],
      ['geo_precision', W.PRECISIONS],
    ];
    for (const [field, values] of fields) {
      for (const value of values) {
        const label = valueLabel(field, String(value));
        expect(label, `${field} = ${value}`).toBeDefined();
        expect(label!.fr && label!.en, `${field} = ${value}`).toBeTruthy();
      }
    }
  });

  it('puts every category in exactly one of the chart’s groups', () => {
    const grouped = W.GROUPS.flatMap((g) => [...W.CATEGORY_GROUPS[g]]);
    expect([...grouped].sort()).toEqual([...W.CATEGORIES].sort());
    expect(new Set(grouped).size).toBe(grouped.length);
    expect(W.groupOf('torture')).toBe('violence');
    expect(W.groupOf('not-a-category')).toBe('other');
  });
});

describe('dates of the filters and the chart', () => {
  it('counts a window of days back from the map’s date, across months and leap days', () => {
    expect(addDays('2019-08-15', -89)).toBe('2019-05-18');
    expect(addDays('2020-03-01', -1)).toBe('2020-02-29');
    expect(addDays('2019-01-01', -365)).toBe('2018-01-01');
  });

  it('takes the twelve months that end with the date’s, across a year', () => {
    expect(monthsUpTo('2019-08-15')).toEqual([
      '2018-09',
      '2018-10',
      '2018-11',
      '2018-12',
      '2019-01',
      '2019-02',
      '2019-03',
      '2019-04',
      '2019-05',
      '2019-06',
      '2019-07',
      '2019-08',
    ]);
    expect(monthsUpTo('2020-01-31')[0]).toBe('2019-02');
    expect(monthsUpTo('2020-12-01')).toHaveLength(12);
    expect(monthsUpTo('2020-12-01')[11]).toBe('2020-12');
  });
});

describe('the server’s refusals, read for the form', () => {
  const label = (field: string, rest: string) => (field === 'killed' ? 'Tués' : field === 'geometry' && rest === '/coordinates/0' ? 'Longitude' : undefined);
  /** Ajv's errors, as the server sends them in `details` (tests/web/incidents.test.ts provokes these through the page). */
  const issue = (instancePath: string, keyword: string, params: Record<string, unknown>) => ({ instancePath, keyword, params, message: `(${keyword})` });
  const tooMany = issue('/properties/killed', 'maximum', { comparison: '<=', limit: 10_000_000 });
  const notNull = issue('/properties/killed', 'type', { type: 'null' });
  const noBranch = issue('/properties/killed', 'anyOf', {});
  const refusalOf = (...issues: ReturnType<typeof issue>[]) => ({ detail: 'the server’s message', issues });

  // The language state tells the page's root element; here there is no page.
  beforeEach(() => vi.stubGlobal('document', { documentElement: {} }));
  afterEach(() => {
    setLang('fr');
    vi.unstubAllGlobals();
  });

  it('names the field, says the limit in French and drops the echoes of a nullable schema', () => {
    const refusal = readRefusal(refusalOf(tooMany, notNull, noBranch), label);
    expect(refusal.fields).toEqual(['killed']);
    expect(refusal.text).toMatch(/^« Tués » doit valoir au plus 10\s000\s000$/);
    // A change (PATCH) also has its whole `properties` echoed.
    const patch = readRefusal(refusalOf(tooMany, notNull, noBranch, issue('/properties', 'type', { type: 'null' }), issue('/properties', 'anyOf', {})), label);
    expect(patch).toEqual(refusal);
  });

  it('says in English what ajv-i18n says, and keeps the path when the form has no name for it', () => {
    setLang('en');
    const refusal = readRefusal(
      refusalOf(issue('/geometry/coordinates/0', 'maximum', { comparison: '<=', limit: 180 }), issue('/properties/sub_category', 'maxLength', { limit: 300 })),
      label,
    );
    expect(refusal.fields).toEqual(['geometry', 'sub_category']);
    expect(refusal.text).toBe('“Longitude” must be at most 180; body/properties/sub_category must NOT be longer than 300 characters');
    setLang('fr');
    expect(readRefusal(refusalOf(issue('/properties/sub_category', 'maxLength', { limit: 300 })), label).text).toBe(
      'body/properties/sub_category ne doit pas dépasser 300 caractères',
    );
  });

  it('keeps the server’s words for a refusal that is not the validator’s', () => {
    expect(readRefusal({ detail: 'no incidents record with id 9', issues: [] }, label)).toEqual({ text: 'no incidents record with id 9', fields: [] });
  });
});
