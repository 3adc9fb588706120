/**
 * The language the application speaks: French first (the working language in South Kivu),
 * English second. One state for every page, remembered under one key, so a choice made on
 * the map holds on the priorities screen and back. Each page keeps its own message table.
 */
import { IntlMessageFormat } from 'intl-messageformat';

export const LANGUAGES = ['fr', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'riskmap.lang';

function stored(): Lang | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return (LANGUAGES as readonly string[]).includes(value ?? '') ? (value as Lang) : null;
  } catch {
    // Storage can be refused (privacy settings, file:// pages); the page still works in French.
    return null;
  }
}

let current: Lang = stored() ?? 'fr';
const listeners = new Set<(lang: Lang) => void>();

export function getLang(): Lang {
  return current;
}

export function setLang(lang: Lang): void {
  if (lang === current) return;
  current = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not remembering the choice is acceptable; failing to switch is not.
  }
  document.documentElement.lang = lang;
  for (const listener of listeners) listener(lang);
}

/** Calls `listener` on every language switch; returns the unsubscribe function. */
export function onLangChange(listener: (lang: Lang) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const LOCALES: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };

/** Compiled once per message and language: a page re-renders the same messages on every change. */
const compiled = new Map<string, IntlMessageFormat>();

/**
 * A message in ICU MessageFormat (`{name}`, `{count, plural, one {# lieu} other {# lieux}}`),
 * filled in. `#` writes the number as the language does (1 234); a plain `{name}` as it is given.
 * A message that cannot be filled (a missing parameter) is shown as written rather than lost.
 */
export function formatMessage(message: string, params: Record<string, string | number> = {}, lang: Lang = current): string {
  const key = `${lang}\u0000${message}`;
  let format = compiled.get(key);
  if (!format) {
    // No rich-text tags in the tables: `<jeton>` is text.
    format = new IntlMessageFormat(message, LOCALES[lang], undefined, { ignoreTag: true });
    compiled.set(key, format);
  }
  try {
    return String(format.format(params));
  } catch {
    return message;
  }
}

/** Numbers written the way each language writes them (28,63 in French). */
export function formatNumber(value: number, maximumFractionDigits = 2): string {
  return value.toLocaleString(LOCALES[current], { maximumFractionDigits });
}

export function formatPercent(share: number): string {
  return share.toLocaleString(LOCALES[current], { style: 'percent', maximumFractionDigits: 1 });
}

/** A text in both languages: a message, or a label that travels with the data (layer titles…). */
export type Localized = Record<Lang, string>;

/** A page's or feature's `t`: its own table, the current language, the message's placeholders and plurals filled. */
export function translator<K extends string>(table: Record<K, Localized>) {
  return (key: K, params: Record<string, string | number> = {}): string => formatMessage(table[key][current], params);
}
