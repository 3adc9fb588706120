/** Two real buttons, one per language; the pressed one is the language shown. */
import { LANGUAGES, getLang, onLangChange, setLang, t } from './translate.js';

const NAMES = { fr: 'Français', en: 'English' } as const;

export function createLanguageSwitch(container: HTMLElement): void {
  const buttons = LANGUAGES.map((lang) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.lang = lang;
    button.dataset.lang = lang;
    // Each language named in itself, so a reader finds theirs whatever the page shows.
    button.textContent = NAMES[lang];
    button.addEventListener('click', () => setLang(lang));
    container.append(button);
    return button;
  });
  const refresh = () => {
    container.setAttribute('aria-label', t('lang.group'));
    for (const button of buttons) button.setAttribute('aria-pressed', String(button.dataset.lang === getLang()));
  };
  onLangChange(refresh);
  refresh();
}
