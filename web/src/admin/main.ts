/**
 * The administration page: the change log, the export log, accounts and API tokens. The
 * server refuses all of it to non-admins; this page asks who is calling first and, for
 * anyone else, says so and asks for nothing.
 */
import '../shared/base.css';
import './admin.css';
import { fetchLayerList } from '../shared/api.js';
import { el } from '../shared/dom.js';
import { getLang, onLangChange } from '../shared/language.js';
import { roleName } from '../shared/messages-session.js';
import { signInAddress } from '../shared/session-api.js';
import { createSessionBar } from '../shared/session-bar.js';
import { createLanguageSwitch } from '../shared/language-switch.js';
import { createAccounts } from './accounts.js';
import { createAuditLog } from './audit-log.js';
import { createExportLog } from './export-log.js';
import { errorText } from './format.js';
import { t } from './messages.js';

const byId = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

const statusLine = byId('admin-status');
const denied = byId('admin-denied');
const content = byId('admin-content');
type PageState =
  { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'denied'; username: string | null; role: string | null } | { kind: 'admin' };
let state: PageState = { kind: 'loading' };

function renderState(): void {
  document.body.dataset.state = state.kind;
  statusLine.textContent =
    state.kind === 'loading' ? t('status.loading') : state.kind === 'failed' ? t('status.sessionFailed', { message: state.message }) : '';
  denied.hidden = state.kind !== 'denied';
  content.hidden = state.kind !== 'admin';
  if (state.kind === 'denied') {
    const title = el('h2', 'denied-title', t('denied.title'));
    const body = el(
      'p',
      'denied-body',
      state.username ? t('denied.body', { username: state.username, role: roleName(state.role ?? '') }) : t('denied.signedOut'),
    );
    const go = el('a', 'denied-link', state.username ? t('denied.toMap') : t('denied.signIn'));
    go.href = state.username ? './' : signInAddress();
    denied.replaceChildren(title, body, go);
  }
}

function translatePage(): void {
  document.documentElement.lang = getLang();
  document.title = t('page.title');
  byId('page-title').textContent = t('page.heading');
  byId('page-subtitle').textContent = t('page.subtitle');
  byId('skip-link').textContent = t('skip.main');
  const nav = byId('admin-nav');
  nav.setAttribute('aria-label', t('nav.label'));
  byId('nav-audit').textContent = t('audit.heading');
  byId('nav-exports').textContent = t('exports.heading');
  byId('nav-accounts').textContent = t('accounts.heading');
  renderState();
}

createLanguageSwitch(byId('language-switch'));
translatePage();
onLangChange(translatePage);
const bar = createSessionBar(byId('session-bar'), { page: 'admin' });

async function start(): Promise<void> {
  const session = await bar.session;
  if (!session) {
    state = { kind: 'failed', message: 'api/session' };
    renderState();
    return;
  }
  if (session.role !== 'admin') {
    state = { kind: 'denied', username: session.account?.username ?? null, role: session.role };
    renderState();
    return;
  }
  state = { kind: 'admin' };
  renderState();
  // Layer titles make the tables readable; without them the API's names serve.
  const titles = new Map<string, Record<'fr' | 'en', string>>();
  const layerTitle = (name: string) => titles.get(name)?.[getLang()] ?? name;
  const audit = createAuditLog(byId('audit'), { layerTitle });
  const exportsLog = createExportLog(byId('exports'), { layerTitle });
  const accounts = createAccounts(byId('accounts'), { me: session.account?.username ?? null });
  await fetchLayerList()
    .then((list) => {
      for (const layer of list) titles.set(layer.name, layer.title);
    })
    .catch(() => undefined);
  await Promise.all([audit.load(), exportsLog.load(), accounts.load()]);
  document.body.dataset.ready = 'true';
}

start().catch((error: unknown) => {
  state = { kind: 'failed', message: errorText(error) };
  renderState();
  console.error(error);
});
