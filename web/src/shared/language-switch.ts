/**
 * Two real buttons, one per language, each named in itself so a reader finds theirs whatever
 * the page shows; the pressed one is the language shown. Every page uses this one: it knows
 * no page's messages, only the shared language state.
 */
import { LANGUAGES, getLang, onLangChange, setLang } from './language.js';

const NAMES = { fr: 'Français', en: 'English' } as const;
/** What a phone's one-line header shows instead (base.css); the name is still what the button is called. */
const CODES = { fr: 'FR', en: 'EN' } as const;
const GROUP = { fr: 'Langue', en: 'Language' } as const;

export function createLanguageSwitch(container: HTMLElement): void {
  const buttons = LANGUAGES.map((lang) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.lang = lang;
    button.dataset.lang = lang;
    const code = document.createElement('span');
    code.className = 'lang-code';
    code.setAttribute('aria-hidden', 'true');
    code.textContent = CODES[lang];
    const name = document.createElement('span');
    name.className = 'lang-name';
    name.textContent = NAMES[lang];
    button.title = NAMES[lang];
    button.append(name, code);
    button.addEventListener('click', () => setLang(lang));
    container.append(button);
    return button;
  });
  const refresh = () => {
    container.setAttribute('aria-label', GROUP[getLang()]);
    for (const button of buttons) button.setAttribute('aria-pressed', String(button.dataset.lang === getLang()));
  };
  onLangChange(refresh);
  refresh();
}
