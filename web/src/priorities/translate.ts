/**
 * The priorities page's own language state. It works like web/src/i18n.ts (French first,
 * English second) and shares its storage key, so a language chosen on the map page holds
 * here too and back; the message table is separate so the two pages can change apart.
 */
import { MESSAGES, type MessageKey } from './messages.js';

export const LANGUAGES = ['fr', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];

/** The same key as web/src/i18n.ts: one choice for the whole application. */
export const STORAGE_KEY = 'riskmap.lang';

function stored(): Lang | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return (LANGUAGES as readonly string[]).includes(value ?? '') ? (value as Lang) : null;
  } catch {
    // Storage can be refused (privacy settings); the page still works, in French.
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

/** Calls `listener` after every language switch. */
export function onLangChange(listener: (lang: Lang) => void): void {
  listeners.add(listener);
}

/** A message in the current language, `{name}` placeholders filled in. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  return MESSAGES[key][current].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Numbers as each language writes them (10,04 in French, 10.04 in English). */
export function formatNumber(value: number, maximumFractionDigits = 2): string {
  return value.toLocaleString(current === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits });
}

export function formatPercent(share: number): string {
  return share.toLocaleString(current === 'fr' ? 'fr-FR' : 'en-GB', { style: 'percent', maximumFractionDigits: 1 });
}
