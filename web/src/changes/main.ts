/**
 * "Since the last meeting" (issue 15): what changed on the map between two dates, for the
 * working group's monthly meeting, with links to the map on the day and to the case files,
 * and the list as CSV or on paper for the minutes. Each part is its own module; this one holds
 * the state — what is asked, what came back — and connects them.
 */
import '../shared/base.css';
import './changes.css';
import { fetchChanges, type Changes } from './api.js';
import { createChangeList } from './change-list.js';
import { createControls } from './controls.js';
import { changesCsv, csvFileName } from './csv.js';
import { downloadText } from '../shared/csv-file.js';
import { createLanguageSwitch } from '../shared/language-switch.js';
import { createSessionBar } from '../shared/session-bar.js';
import { createPeriodHeading } from './period-heading.js';
import { changesSearch, queryFromAddress, writeAddress, type ChangesQuery } from './query.js';
import { createListStatus } from './status.js';
import { getLang, onLangChange, t } from './translate.js';

const byId = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

let query: ChangesQuery = queryFromAddress(location.search);
let answer: { changes: Changes; query: ChangesQuery } | null = null;
let request: AbortController | null = null;

createLanguageSwitch(byId('language-switch'));
createSessionBar(byId('session-bar'), { page: 'changes' });
const status = createListStatus(byId('changes-status'));
const heading = createPeriodHeading(byId('changes-heading'), query);
const list = createChangeList(byId('changes-list'));
const controls = createControls(byId('changes-controls'), query, {
  onChange: (next) => {
    query = next;
    writeAddress(query);
    updateNavLinks();
    heading.show(query);
    void load();
  },
  onCsv: () => {
    if (answer) downloadText(csvFileName(answer.changes), changesCsv(answer.changes, answer.query, location.href));
  },
  onPrint: () => window.print(),
});

/** Asks for the current query and shows the answer; a newer call supersedes an older one. */
async function load(): Promise<void> {
  request?.abort();
  const mine = new AbortController();
  request = mine;
  const asked = query;
  const root = byId('changes');
  root.dataset.state = 'loading';
  status.set({ kind: 'loading' });
  controls.setReady(false);
  try {
    const changes = await fetchChanges(asked, mine.signal);
    if (mine !== request) return;
    answer = { changes, query: asked };
    list.show(changes, asked.incidents);
    status.set({ kind: 'ready', count: changes.changes.length, from: changes.from, to: changes.to });
    controls.setReady(true);
    root.dataset.query = changesSearch(asked);
    root.dataset.state = changes.changes.length === 0 ? 'empty' : 'ready';
  } catch (error) {
    if (mine !== request || (error instanceof DOMException && error.name === 'AbortError')) return;
    answer = null;
    list.show(null, asked.incidents);
    status.set({ kind: 'error', error });
    root.dataset.state = 'error';
    console.warn(error);
  }
}

/** The map and the priorities open on the later date, the situation now. */
function updateNavLinks(): void {
  const date = `?date=${encodeURIComponent(query.to)}`;
  byId<HTMLAnchorElement>('map-link').href = `./index.html${date}`;
  byId<HTMLAnchorElement>('priorities-link').href = `./priorities.html${date}`;
}

function translatePage(): void {
  document.documentElement.lang = getLang();
  document.title = t('page.title');
  byId('page-title').textContent = t('page.title');
  byId('page-subtitle').textContent = t('page.subtitle');
  byId('map-link').textContent = t('nav.map');
  byId('priorities-link').textContent = t('nav.priorities');
  byId('skip-to-list').textContent = t('skip.list');
  byId('notice-illustrative').textContent = t('notice.illustrative');
}
translatePage();
onLangChange(translatePage);
updateNavLinks();
writeAddress(query);
void load();
