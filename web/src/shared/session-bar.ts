/**
 * The strip under each page's header that says who the page acts as: the account and its
 * role with a sign-out button, a link to the administration for admins, and in the local
 * demo mode a warning banner that cannot be missed (it prints too). Names come from the
 * server and enter through textContent only.
 */
import './session-bar.css';
import { el } from './dom.js';
import { onLangChange } from './language.js';
import { roleName, sessionText } from './messages-session.js';
import { fetchSession, signInAddress, signOut, type SessionInfo } from './session-api.js';

export type SessionPage = 'map' | 'priorities' | 'admin' | 'cases' | 'changes';

export interface SessionBar {
  /** The session as the server described it, or null if it could not be asked. */
  readonly session: Promise<SessionInfo | null>;
}

export function createSessionBar(container: HTMLElement, options: { page: SessionPage }): SessionBar {
  container.classList.add('session-bar');
  container.setAttribute('role', 'region');
  let info: SessionInfo | null = null;
  let problem: string | null = null;
  let busy = false;
  /** On a phone the demo warning takes one line until it is opened (session-bar.css). */
  let bannerOpen = false;

  const render = () => {
    container.setAttribute('aria-label', sessionText('session.label'));
    container.dataset.state = info ? (info.demo ? 'demo' : info.account ? 'signed-in' : 'signed-out') : problem ? 'error' : 'loading';
    container.dataset.role = info?.role ?? '';
    container.dataset.username = info?.account?.username ?? '';
    const parts: HTMLElement[] = [];
    if (info?.demo) {
      const banner = el('div', 'demo-banner');
      banner.setAttribute('role', 'note');
      banner.dataset.testid = 'demo-banner';
      const mark = el('span', 'demo-mark', '⚠');
      mark.setAttribute('aria-hidden', 'true');
      const text = el('span', 'demo-text');
      text.append(el('strong', 'demo-body', sessionText('session.demoBody')), ' ', el('span', 'demo-advice', sessionText('session.demoAdvice')));
      banner.title = text.textContent ?? '';
      const more = el('button', 'demo-more', '…');
      more.type = 'button';
      more.setAttribute('aria-expanded', String(bannerOpen));
      more.setAttribute('aria-label', sessionText('session.demoMore'));
      banner.dataset.open = String(bannerOpen);
      // The whole line is the target for a finger; the button is there for the keyboard.
      banner.addEventListener('click', () => {
        bannerOpen = !bannerOpen;
        banner.dataset.open = String(bannerOpen);
        more.setAttribute('aria-expanded', String(bannerOpen));
      });
      banner.append(mark, text, more);
      parts.push(banner);
    }
    const line = el('div', 'session-line');
    const who = el('p', 'session-who');
    if (info?.account) {
      who.append(sessionText('session.signedInAs'), el('strong', 'session-username', info.account.username));
      who.append(el('span', 'session-role', sessionText('session.roleSuffix', { role: roleName(info.account.role) })));
    } else if (info?.demo) {
      who.textContent = sessionText('session.demoIdentity');
    } else if (info) {
      who.textContent = sessionText('session.signedOut');
    } else if (problem) {
      who.textContent = sessionText('session.unknown', { message: problem });
    }
    line.append(who);
    const actions = el('div', 'session-actions');
    // The map and the priorities page link to each other already; the administration links to both.
    if (options.page === 'admin') actions.append(link('./', sessionText('session.map')), link('./priorities.html', sessionText('session.priorities')));
    if (info?.role === 'admin' && options.page !== 'admin') actions.append(link('./admin.html', sessionText('session.admin'), 'session-admin-link'));
    if (info?.account) {
      const button = el('button', 'session-signout', sessionText(busy ? 'session.signingOut' : 'session.signOut'));
      button.type = 'button';
      button.disabled = busy;
      button.addEventListener('click', () => void leave());
      actions.append(button);
    } else if (info && !info.demo) {
      actions.append(link(signInAddress(), sessionText('session.signIn')));
    }
    line.append(actions);
    parts.push(line);
    if (problem && info) parts.push(el('p', 'session-error', problem));
    container.replaceChildren(...parts);
  };

  async function leave(): Promise<void> {
    busy = true;
    problem = null;
    render();
    try {
      await signOut();
      location.assign('login.html');
    } catch (error) {
      busy = false;
      problem = sessionText('session.signOutFailed', { message: error instanceof Error ? error.message : String(error) });
      render();
      container.querySelector<HTMLButtonElement>('.session-signout')?.focus();
    }
  }

  const session = fetchSession()
    .then((answer) => {
      info = answer;
      render();
      return answer;
    })
    .catch((error: unknown) => {
      problem = error instanceof Error ? error.message : String(error);
      render();
      return null;
    });
  onLangChange(render);
  render();
  return { session };
}

function link(href: string, text: string, className = 'session-link'): HTMLAnchorElement {
  const a = el('a', className, text);
  a.href = href;
  return a;
}
