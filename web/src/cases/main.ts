/**
 * The case files page (issue 15): the list (`cases.html`, with filters in the address), one
 * case (`cases.html?id=3`) with its timeline beside a map and a printable brief, or the form
 * that opens one (`cases.html?new=1&claim_id=…`, from a contested zone on the map).
 */
import 'maplibre-gl/dist/maplibre-gl.css';
import '../shared/base.css';
import './cases.css';
import { createLanguageSwitch } from '../shared/language-switch.js';
import { createSessionBar } from '../shared/session-bar.js';
import { readAddress } from './case-address.js';
import type { CasesHandle } from './cases-handle.js';
import { createCaseForm } from './case-create.js';
import { createCaseList } from './case-list.js';
import { createCasePage } from './case-page.js';
import { fetchCase, type CaseFile } from './cases-api.js';
import { createOverdueFollowUps } from './overdue-follow-ups.js';
import { getLang, onLangChange, t } from './translate.js';

const byId = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

const address = readAddress(location.search);
document.body.dataset.view = address.view;
let file: CaseFile | null = null;
let problem: string | null = null;

createLanguageSwitch(byId('language-switch'));
const sessionBar = createSessionBar(byId('session-bar'), { page: 'cases' });

function translatePage(): void {
  document.documentElement.lang = getLang();
  const title = address.view === 'case' && file ? t('page.caseTitle', { title: file.title }) : address.view === 'new' ? t('page.newTitle') : t('page.title');
  document.title = title;
  byId('page-title').textContent = file ? file.title : address.view === 'new' ? t('page.newTitle') : t('page.title');
  byId('page-subtitle').textContent = address.view === 'case' ? t('page.titleShort') : t('page.subtitle');
  byId('map-link').textContent = t('nav.map');
  byId('list-link').textContent = t('nav.list');
  byId('list-link').hidden = address.view === 'list';
  byId('skip-to-main').textContent = t('skip.main');
  byId('notice-illustrative').textContent = t('notice.illustrative');
  const status = byId('page-status');
  status.hidden = !problem && (address.view !== 'case' || file !== null);
  status.textContent = problem ? t(address.view === 'case' ? 'case.notFound' : 'status.error', { message: problem }) : t('status.loading');
}
onLangChange(translatePage);
translatePage();

const main = byId('main');
const handle: CasesHandle = { map: null, ready: Promise.resolve() };

if (address.view === 'case') {
  handle.ready = (async () => {
    try {
      file = await fetchCase(address.id);
    } catch (error) {
      problem = error instanceof Error ? error.message : String(error);
      translatePage();
      return;
    }
    translatePage();
    // Back to the map on the day of the case's last step, where its places were last looked at.
    if (file.last_step_on) byId<HTMLAnchorElement>('map-link').href = `./index.html?date=${encodeURIComponent(file.last_step_on)}`;
    const page = createCasePage(main, file);
    handle.map = page.map.map;
    await page.ready;
  })();
} else if (address.view === 'new') {
  createCaseForm(main, address);
} else {
  const listSection = document.createElement('section');
  listSection.id = 'case-list';
  listSection.className = 'cases-list';
  const followUps = document.createElement('section');
  followUps.id = 'overdue-follow-ups';
  followUps.className = 'cases-follow-ups';
  main.replaceChildren(listSection, followUps);
  const list = createCaseList(listSection, address.filters);
  handle.ready = Promise.all([list.ready, createOverdueFollowUps(followUps, sessionBar.session)]).then(() => undefined);
}
handle.ready.catch((error: unknown) => console.error(error));

// The browser tests' handle (tests/web/cases.test.ts waits on `ready`); `map` once a case is open.
window.__riskcases = handle;
