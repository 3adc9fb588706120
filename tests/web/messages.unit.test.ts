import { IntlMessageFormat } from 'intl-messageformat';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MESSAGES as ADMIN } from '../../web/src/admin/messages.js';
import { MESSAGES as CASES } from '../../web/src/cases/messages.js';
import { MESSAGES as CHANGES } from '../../web/src/changes/messages.js';
import { MESSAGES as LOGIN } from '../../web/src/login/messages.js';
import { UI as MAP, t as mapText } from '../../web/src/map/messages.js';
import { MESSAGES as PRIORITIES } from '../../web/src/priorities/messages.js';
import { t as prioritiesText } from '../../web/src/priorities/translate.js';
import { formatMessage, setLang, type Localized } from '../../web/src/shared/language.js';
import { SESSION_MESSAGES } from '../../web/src/shared/messages-session.js';

/** The message tables are ICU MessageFormat (intl-messageformat), read by the one translator of web/src/shared/language.ts. */
const TABLES: Record<string, Record<string, Localized>> = {
  map: MAP,
  admin: ADMIN,
  login: LOGIN,
  priorities: PRIORITIES,
  cases: CASES,
  changes: CHANGES,
  session: SESSION_MESSAGES,
};

type Element = ReturnType<IntlMessageFormat['getAst']>[number];
/** The names a message takes, plural and select arguments included. */
function argumentsOf(elements: Element[], names = new Set<string>()): Set<string> {
  for (const element of elements) {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-comparison -- the parser's element types are a const enum; 0 is a literal
    if ('value' in element && element.type !== 0 && typeof element.value === 'string') names.add(element.value);
    if ('options' in element) for (const option of Object.values(element.options)) argumentsOf((option as { value: Element[] }).value, names);
  }
  return names;
}

describe('the message tables', () => {
  it.each(Object.entries(TABLES))('%s: every message is valid ICU and takes the same arguments in French and English', (_, table) => {
    for (const [key, { fr, en }] of Object.entries(table)) {
      const names = (message: string, locale: string) =>
        [...argumentsOf(new IntlMessageFormat(message, locale, undefined, { ignoreTag: true }).getAst())].sort();
      expect(names(fr, 'fr-FR'), key).toEqual(names(en, 'en-GB'));
      // A hand-written plural has no place beside ICU's.
      expect(`${fr} ${en}`, key).not.toMatch(/\((s|x|es)\)/);
    }
  });
});

describe('plurals and placeholders', () => {
  // The language state tells the page's root element; here there is no page.
  beforeEach(() => vi.stubGlobal('document', { documentElement: {} }));
  afterEach(() => {
    setLang('fr');
    vi.unstubAllGlobals();
  });

  it('says one and many by each language’s rules, numbers as the language writes them', () => {
    expect(mapText('popup.more', { count: 1 })).toBe('… et 1 autre élément à cet endroit.');
    expect(mapText('popup.more', { count: 3 })).toBe('… et 3 autres éléments à cet endroit.');
    expect(mapText('sheet.count', { date: '2019-08-15', count: 0 })).toBe('2019-08-15 · aucune zone contestée');
    expect(mapText('export.count', { count: 12_345 })).toMatch(/^12\s345 éléments seront exportés$/);
    expect(prioritiesText('plan.covers', { count: 1 })).toBe('couvre 1 lieu de plus');
    expect(prioritiesText('plan.covers', { count: 2 })).toBe('couvre 2 lieux de plus');
    // French counts 0 as one; English does not.
    expect(mapText('incidentChart.count', { count: 0 })).toBe('0 incident');
    setLang('en');
    expect(mapText('incidentChart.count', { count: 0 })).toBe('0 incidents');
    expect(mapText('popup.more', { count: 1 })).toBe('… and 1 more record here.');
    expect(prioritiesText('plan.summary', { placed: 1, requested: 3, share: '40 %', covered: '4', total: '10' })).toBe(
      '1 of 3 units placed: it covers 40 % of total need (4 of 10).',
    );
  });

  it('leaves a plain placeholder as given, and shows a message it cannot fill rather than failing', () => {
    expect(formatMessage('Incident n° {id}', { id: 12345 })).toBe('Incident n° 12345');
    expect(formatMessage('Header «Authorization: Bearer <token>» for {who}', { who: 'x' })).toBe('Header «Authorization: Bearer <token>» for x');
    expect(formatMessage('{count} de {from}', { count: 3 })).toBe('{count} de {from}');
  });
});
