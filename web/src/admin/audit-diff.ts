/**
 * What an audit entry changed, field by field. Layer records are GeoJSON Features (their
 * properties, plus the geometry as one field); accounts and tokens are plain objects.
 * Every value is shown as text: a record's name may be markup, and stays text.
 */
import { el } from '../shared/dom.js';
import { fieldLabel } from '../shared/field-labels.js';
import { formatNumber, getLang, type Lang } from '../shared/language.js';
import { t } from './messages.js';

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** Fields that change with every write, or repeat the entry's own time, and say nothing a reader needs. */
const NOISE = new Set(['updated_at', 'created_at']);

/** Fields of accounts and tokens, and the geometry, which the map's labels do not name. */
const ADMIN_FIELDS: Record<string, Record<Lang, string>> = {
  geometry: { fr: 'Géométrie', en: 'Geometry' },
  illustrative: { fr: 'Illustratif', en: 'Illustrative' },
  username: { fr: 'Nom d’utilisateur', en: 'Username' },
  display_name: { fr: 'Nom affiché', en: 'Display name' },
  role: { fr: 'Rôle', en: 'Role' },
  disabled_at: { fr: 'Désactivé le', en: 'Disabled on' },
  has_password: { fr: 'Mot de passe défini', en: 'Password set' },
  password: { fr: 'Mot de passe', en: 'Password' },
  account_id: { fr: 'Compte', en: 'Account' },
  prefix: { fr: 'Début du jeton', en: 'Token starts with' },
  expires_at: { fr: 'Expire le', en: 'Expires' },
  revoked_at: { fr: 'Révoqué le', en: 'Revoked on' },
  last_used_at: { fr: 'Dernier usage', en: 'Last used' },
};

/** A field in words, in the page's language; a field nobody named keeps its own name. */
export function fieldName(field: string): string {
  return (ADMIN_FIELDS[field] ?? fieldLabel(field))?.[getLang()] ?? field;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A record's fields, flat: a Feature's properties and its geometry (and its id, when the properties lack one). */
export function fieldsOf(value: unknown): Record<string, unknown> {
  if (!isRecord(value)) return value === null || value === undefined ? {} : { value };
  if (value.type === 'Feature') {
    const properties = isRecord(value.properties) ? value.properties : {};
    return { ...properties, geometry: value.geometry ?? null };
  }
  return value;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const empty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/**
 * The fields that differ between before and after. A creation lists what was set, a deletion
 * what was removed (empty fields left out); an update only what changed.
 */
export function changedFields(before: unknown, after: unknown): FieldChange[] {
  const b = fieldsOf(before);
  const a = fieldsOf(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys
    .filter((key) => !NOISE.has(key))
    .filter((key) => !same(b[key], a[key]))
    .filter((key) => !(empty(b[key]) && empty(a[key])))
    .map((field) => ({ field, before: b[field], after: a[field] }));
}

function countPositions(coordinates: unknown): number {
  if (!Array.isArray(coordinates)) return 0;
  if (typeof coordinates[0] === 'number') return 1;
  return coordinates.reduce((sum: number, part) => sum + countPositions(part), 0);
}

/** One value in words: a geometry by its type and size, a list joined, an object as JSON, cut short. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return t('diff.empty');
  if (typeof value === 'number') return formatNumber(value, 6);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (isRecord(value) && typeof value.type === 'string' && 'coordinates' in value) {
    return t('diff.geometry', { type: value.type, count: countPositions(value.coordinates) });
  }
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) return value.map(String).join(', ');
  const json = JSON.stringify(value);
  return json.length > 300 ? `${json.slice(0, 299)}…` : json;
}

/** Shown at once; the rest of a long creation folds away under a summary. */
const SHOWN = 6;

function changeItem(change: FieldChange, sides: { before: boolean; after: boolean }): HTMLLIElement {
  const li = el('li', 'diff-item');
  li.dataset.field = change.field;
  const name = el('span', 'diff-field', fieldName(change.field));
  name.title = change.field;
  li.append(name, ' ');
  if (sides.before && sides.after) {
    // A change: the old value struck through, an arrow, the new one; the hidden words say it to screen readers.
    const before = el('del', 'diff-before');
    before.append(el('span', 'visually-hidden', `${t('diff.before')} `), valueText(change.before));
    const after = el('ins', 'diff-after');
    after.append(el('span', 'visually-hidden', `${t('diff.after')} `), valueText(change.after));
    li.append(before, el('span', 'diff-arrow', ' → '), after);
  } else {
    // A creation or a deletion: the values as they were, the Action column says which.
    li.append(el('span', 'diff-value', valueText(sides.after ? change.after : change.before)));
  }
  return li;
}

/** The diff of one entry as a list; long lists fold after the first fields. */
export function renderDiff(before: unknown, after: unknown): HTMLElement {
  const changes = changedFields(before, after);
  const sides = { before: before !== null && before !== undefined, after: after !== null && after !== undefined };
  if (changes.length === 0) return el('span', 'diff-none', t('diff.unchanged'));
  const wrapper = el('div', 'diff');
  const list = el('ul', 'diff-list');
  for (const change of changes.slice(0, SHOWN)) list.append(changeItem(change, sides));
  wrapper.append(list);
  if (changes.length > SHOWN) {
    const details = el('details', 'diff-more');
    details.append(el('summary', undefined, t('diff.more', { count: changes.length - SHOWN })));
    const rest = el('ul', 'diff-list');
    for (const change of changes.slice(SHOWN)) rest.append(changeItem(change, sides));
    details.append(rest);
    wrapper.append(details);
  }
  return wrapper;
}
