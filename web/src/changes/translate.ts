/** The page's messages in the application's one language state (web/src/shared/language.ts). */
import { translator } from '../shared/language.js';
import { MESSAGES, type MessageKey } from './messages.js';

export { formatNumber, getLang, onLangChange } from '../shared/language.js';

/** A message in the current language, its placeholders and plurals filled in. */
export const t = translator<MessageKey>(MESSAGES);
