/** Two real buttons, one per language; the pressed one is the language shown. */
import { LANGUAGES, getLang, onLangChange, setLang, t } from './i18n.js';

export function createLanguageSwitch(container: HTMLElement): void {
  const buttons = LANGUAGES.map((lang) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.lang = lang;
    button.dataset.lang = lang;
    button.textContent = t(`lang.${lang}`);
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
