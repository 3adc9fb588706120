/**
 * The sign-in page: a username and a password, the server's refusal in words, and on
 * success the page the user was sent here from (`?next=`, same site only).
 */
import '../shared/base.css';
import './login.css';
import { writeHeaders } from '../shared/api.js';
import { el } from '../shared/dom.js';
import { getLang, onLangChange } from '../shared/language.js';
import { roleName } from '../shared/messages-session.js';
import { fetchSession, type SessionInfo } from '../shared/session-api.js';
import { createLanguageSwitch } from '../shared/language-switch.js';
import { t, type LoginMessageKey } from './messages.js';
import { safeNext } from './safe-next.js';

const byId = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

const form = byId<HTMLFormElement>('login-form');
const username = byId<HTMLInputElement>('username');
const password = byId<HTMLInputElement>('password');
const submit = byId<HTMLButtonElement>('login-submit');
const message = byId('login-message');
const demoNote = byId('demo-note');
const signedInNote = byId('signed-in-note');

const target = safeNext(new URLSearchParams(location.search).get('next'), new URL(location.href));

/** What the message area says, kept as keys so that a language switch rewrites it. */
type Shown = { key: LoginMessageKey; params?: Record<string, string | number>; detail?: string; kind: 'error' | 'info' } | null;
let shown: Shown = null;
let session: SessionInfo | null = null;
let busy = false;

function showMessage(next: Shown): void {
  shown = next;
  renderMessage();
}

function renderMessage(): void {
  message.dataset.kind = shown?.kind ?? '';
  if (!shown) {
    message.replaceChildren();
    return;
  }
  const parts: HTMLElement[] = [el('p', 'login-message-main', t(shown.key, shown.params))];
  if (shown.detail) parts.push(el('p', 'login-message-detail', t('login.serverSaid', { message: shown.detail })));
  message.replaceChildren(...parts);
}

function renderNotes(): void {
  demoNote.hidden = !session?.demo;
  if (session?.demo) {
    const go = el('a', 'login-go', t('login.toMap'));
    go.href = target;
    demoNote.replaceChildren(el('p', undefined, t('login.demo')), go);
  }
  const account = session?.account;
  signedInNote.hidden = !account;
  if (account) {
    const go = el('a', 'login-go', t('login.continue'));
    go.href = target;
    signedInNote.replaceChildren(el('p', undefined, t('login.already', { username: account.username, role: roleName(account.role) })), go);
  }
}

function translatePage(): void {
  document.documentElement.lang = getLang();
  document.title = t('page.title');
  byId('page-title').textContent = t('page.heading');
  byId('page-subtitle').textContent = t('page.subtitle');
  byId('login-heading').textContent = t('login.heading');
  byId('username-label').textContent = t('login.username');
  byId('password-label').textContent = t('login.password');
  submit.textContent = t(busy ? 'login.submitting' : 'login.submit');
  byId('login-help').textContent = t('login.help');
  renderNotes();
  renderMessage();
}

/**
 * The server's refusal in the reader's words. A refusal the page knows (missing field, wrong
 * password, too many tries, account disabled) is said in the page's language alone: the
 * server's English sentence under a French one was half French (issue 14). Only an unforeseen
 * answer shows the server's own sentence, for whoever must fix it.
 */
async function refusal(response: Response): Promise<Shown> {
  const body = (await response.json().catch(() => null)) as { message?: string } | null;
  const detail = body?.message ?? `${response.status} ${response.statusText}`;
  switch (response.status) {
    case 400:
      return { key: 'login.missing', kind: 'error' };
    case 401:
      return { key: 'login.wrong', kind: 'error' };
    case 429: {
      const seconds = Number(response.headers.get('retry-after'));
      return Number.isFinite(seconds) && seconds > 0
        ? { key: 'login.tooMany', params: { seconds: Math.ceil(seconds) }, kind: 'error' }
        : { key: 'login.tooManySoon', kind: 'error' };
    }
    case 403:
      return { key: 'login.forbidden', kind: 'error' };
    default:
      return { key: 'login.failed', detail, kind: 'error' };
  }
}

function setBusy(next: boolean): void {
  busy = next;
  submit.disabled = next;
  form.setAttribute('aria-busy', String(next));
  submit.textContent = t(next ? 'login.submitting' : 'login.submit');
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  if (busy) return;
  const name = username.value.trim();
  if (!name || !password.value) {
    showMessage({ key: 'login.missing', kind: 'error' });
    (name ? password : username).focus();
    return;
  }
  void signIn(name, password.value);
});

async function signIn(name: string, secret: string): Promise<void> {
  setBusy(true);
  showMessage(null);
  let response: Response;
  try {
    // writeHeaders carries the CSRF token of a session that may still be open in this browser.
    response = await fetch(new URL('api/session', document.baseURI), {
      method: 'POST',
      headers: writeHeaders(),
      body: JSON.stringify({ username: name, password: secret }),
      credentials: 'same-origin',
    });
  } catch {
    setBusy(false);
    showMessage({ key: 'login.offline', kind: 'error' });
    return;
  }
  if (response.ok) {
    showMessage({ key: 'login.success', kind: 'info' });
    location.replace(target);
    return;
  }
  setBusy(false);
  showMessage(await refusal(response));
  password.value = '';
  password.focus();
}

createLanguageSwitch(byId('language-switch'));
translatePage();
onLangChange(translatePage);

fetchSession()
  .then((answer) => {
    session = answer;
    renderNotes();
  })
  .catch(() => {
    // Without the answer the form still works; the sign-in itself will say what is wrong.
  });
username.focus();
