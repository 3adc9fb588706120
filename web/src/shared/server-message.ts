/**
 * A refusal of the layer API, in the reader's words. The server says what is wrong as
 * validator clauses joined by "; ", each starting with where (`body/properties/killed must be
 * <= 10000000`). Here each clause names the form's field instead of the path, the common
 * clauses are said in the page's language, the echoes of nullable schemas ("must be null",
 * "must match a schema in anyOf", of the field and of a change's whole `properties`) are
 * dropped, and the fields at fault are listed so the form can mark them. A clause this page does not know keeps the server's words.
 */
import { fill, getLang } from './language.js';

export interface ServerRefusal {
  /** The clauses, each with the field's name in place of its path. */
  text: string;
  /** The properties named (`killed`, `sources`…), and `geometry` for the point. */
  fields: string[];
}

/** `body/properties/<field>…`, `body/geometry…`, or the whole `body/properties` of a change. */
const PATH = /^body\/(properties(?:\/([a-z_]+)(\/\S*)?)?|geometry(\/\S*)?)\s+(.*)$/;
/** What a validator adds about a nullable schema once the value failed the real one. */
const ECHO = /^must (be null|match a schema in anyOf|match exactly one schema in oneOf)$/;

const PHRASES: Array<[RegExp, { fr: string; en: string }]> = [
  [/^must be <= (\S+)$/, { fr: 'doit valoir au plus {0}', en: 'must be at most {0}' }],
  [/^must be >= (\S+)$/, { fr: 'doit valoir au moins {0}', en: 'must be at least {0}' }],
  [/^must be integer$/, { fr: 'doit être un nombre entier', en: 'must be a whole number' }],
  [/^must NOT have more than (\d+) characters$/, { fr: 'ne doit pas dépasser {0} caractères', en: 'must not be longer than {0} characters' }],
  [/^must match format "date"$/, { fr: 'doit être une date réelle (AAAA-MM-JJ)', en: 'must be a real date (YYYY-MM-DD)' }],
  [/^must be equal to one of the allowed values$/, { fr: 'doit être une des valeurs proposées', en: 'must be one of the values offered' }],
];

/** Numbers as the page writes them (10 000 000 in French). */
const number = (text: string) => (/^-?\d+(\.\d+)?$/.test(text) ? Number(text).toLocaleString(getLang() === 'fr' ? 'fr-FR' : 'en-GB') : text);

function phrase(clause: string): string {
  for (const [pattern, words] of PHRASES) {
    const match = pattern.exec(clause);
    if (match) return fill(words[getLang()], Object.fromEntries(match.slice(1).map((value, i) => [i, number(value)])));
  }
  return clause;
}

/**
 * `label(field, rest)` names a property (or `geometry`, with the rest of the path, e.g. `/coordinates/0`)
 * as the form does; undefined keeps the path as the server wrote it.
 */
export function readRefusal(message: string, label: (field: string, rest: string) => string | undefined): ServerRefusal {
  const fields: string[] = [];
  const [open, close] = getLang() === 'fr' ? ['« ', ' »'] : ['“', '”'];
  const clauses = message.split('; ').map((clause) => {
    const match = PATH.exec(clause);
    if (!match) return { words: clause, echo: false };
    const rest = match[5]!;
    const field = match[1]!.startsWith('geometry') ? 'geometry' : match[2];
    const name = field === undefined ? undefined : label(field, match[3] ?? match[4] ?? '');
    if (field !== undefined && !fields.includes(field)) fields.push(field);
    return { words: name ? `${open}${name}${close} ${phrase(rest)}` : `${clause.slice(0, clause.length - rest.length)}${phrase(rest)}`, echo: ECHO.test(rest) };
  });
  // The echoes say nothing a reader can act on, unless they are all there is.
  const kept = clauses.every((c) => c.echo) ? clauses : clauses.filter((c) => !c.echo);
  const words = [...new Set(kept.map((c) => c.words))];
  return { text: words.join(getLang() === 'fr' ? ' ; ' : '; '), fields };
}
