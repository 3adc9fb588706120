/**
 * The priorities page's messages. The language itself (state, storage, number formats) is
 * the application's one, from web/src/language.ts; only the message table is the page's own,
 * so the two pages can change their wording apart.
 */
import { translator } from '../shared/language.js';
import { MESSAGES, type MessageKey } from './messages.js';

export { LANGUAGES, formatNumber, formatPercent, getLang, onLangChange, setLang, type Lang } from '../shared/language.js';

/** A message in the current language, its placeholders and plurals filled in. */
export const t = translator<MessageKey>(MESSAGES);
