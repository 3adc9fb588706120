/**
 * A refusal of the layer API, in the reader's words. A request the validator refuses comes
 * back with Ajv's errors as they are (`details`: keyword, params, instancePath); each is said
 * here in the page's language by ajv-i18n, a few in the page's own words (limits as the page
 * writes numbers, dates, whole numbers), with the form's name for the field in place of its path.
 * The errors a nullable schema adds once the value failed the real one ("must be null", "must
 * match a schema in anyOf") are dropped, and the fields at fault are listed so the form can
 * mark them. Any other refusal keeps the server's words.
 */
import type { ErrorObject } from 'ajv';
import localizeEnModule from 'ajv-i18n/localize/en/index.js';
import localizeFrModule from 'ajv-i18n/localize/fr/index.js';
import type { ValidationIssue } from '../../../server/http/validation.js';
import { formatNumber, getLang, type Lang } from './language.js';

type Localize = (errors: ErrorObject[]) => void;
// ajv-i18n is CommonJS whose typings declare a default export: under NodeNext the default import is typed as the module object.
const unwrap = (module: unknown) => ((module as { default?: Localize }).default ?? module) as Localize;
const LOCALIZE: Record<Lang, Localize> = { fr: unwrap(localizeFrModule), en: unwrap(localizeEnModule) };

export interface ServerRefusal {
  /** The errors in words, each with the field's name in place of its path. */
  text: string;
  /** The properties named (`killed`, `sources`…), and `geometry` for the point. */
  fields: string[];
}

/** What the page knows of an API error: the server's message, and its validation errors when it sent them. */
export interface Refusal {
  detail: string;
  issues: readonly ValidationIssue[];
}

type Words = Record<Lang, (params: Record<string, unknown>) => string | undefined>;

const limit = (params: Record<string, unknown>) => formatNumber(Number(params.limit), 20);

/** Where the page words it better than ajv-i18n: numbers as the page writes them, types and formats in words. */
const OWN_WORDS: Record<string, Words> = {
  maximum: { fr: (p) => `doit valoir au plus ${limit(p)}`, en: (p) => `must be at most ${limit(p)}` },
  minimum: { fr: (p) => `doit valoir au moins ${limit(p)}`, en: (p) => `must be at least ${limit(p)}` },
  exclusiveMaximum: { fr: (p) => `doit valoir moins de ${limit(p)}`, en: (p) => `must be less than ${limit(p)}` },
  exclusiveMinimum: { fr: (p) => `doit valoir plus de ${limit(p)}`, en: (p) => `must be more than ${limit(p)}` },
  type: {
    fr: (p) => (p.type === 'integer' ? 'doit être un nombre entier' : p.type === 'number' ? 'doit être un nombre' : undefined),
    en: (p) => (p.type === 'integer' ? 'must be a whole number' : p.type === 'number' ? 'must be a number' : undefined),
  },
  format: {
    fr: (p) => (p.format === 'date' ? 'doit être une date réelle (AAAA-MM-JJ)' : undefined),
    en: (p) => (p.format === 'date' ? 'must be a real date (YYYY-MM-DD)' : undefined),
  },
  enum: { fr: () => 'doit être une des valeurs proposées', en: () => 'must be one of the values offered' },
  additionalProperties: {
    fr: (p) => `n’a pas de propriété « ${String(p.additionalProperty)} »`,
    en: (p) => `has no property “${String(p.additionalProperty)}”`,
  },
};

/** What a validator adds about a nullable schema once the value failed the real one. */
const isEcho = (issue: ValidationIssue) => issue.keyword === 'anyOf' || issue.keyword === 'oneOf' || (issue.keyword === 'type' && issue.params.type === 'null');

function words(issue: ValidationIssue, lang: Lang): string {
  const own = OWN_WORDS[issue.keyword]?.[lang](issue.params);
  if (own) return own;
  const localized = { ...issue, schemaPath: '' } as ErrorObject;
  LOCALIZE[lang]([localized]);
  return localized.message ?? issue.message ?? issue.keyword;
}

/** `/properties/<field>/rest`, `/geometry/rest`: the field the form knows, and the rest of the path. */
function fieldOf(instancePath: string): { field?: string; rest: string } {
  const geometry = /^\/geometry(\/.*)?$/.exec(instancePath);
  if (geometry) return { field: 'geometry', rest: geometry[1] ?? '' };
  const property = /^\/properties\/([^/]+)(\/.*)?$/.exec(instancePath);
  return property ? { field: property[1], rest: property[2] ?? '' } : { rest: instancePath };
}

/**
 * `label(field, rest)` names a property (or `geometry`, with the rest of the path, e.g. `/coordinates/0`)
 * as the form does; undefined keeps the path as the server wrote it.
 */
export function readRefusal(refusal: Refusal, label: (field: string, rest: string) => string | undefined): ServerRefusal {
  if (refusal.issues.length === 0) return { text: refusal.detail, fields: [] };
  const lang = getLang();
  const [open, close] = lang === 'fr' ? ['« ', ' »'] : ['“', '”'];
  // The echoes say nothing a reader can act on, unless they are all there is.
  const kept = refusal.issues.every(isEcho) ? refusal.issues : refusal.issues.filter((issue) => !isEcho(issue));
  const fields: string[] = [];
  const clauses = kept.map((issue) => {
    const { field, rest } = fieldOf(issue.instancePath);
    if (field !== undefined && !fields.includes(field)) fields.push(field);
    const name = field === undefined ? undefined : label(field, rest);
    return `${name ? `${open}${name}${close}` : `body${issue.instancePath}`} ${words(issue, lang)}`;
  });
  return { text: [...new Set(clauses)].join(lang === 'fr' ? ' ; ' : '; '), fields };
}
