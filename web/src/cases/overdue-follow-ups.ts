/**
 * The working group's list of overdue follow-ups (owner, action, due date, case), for the
 * monthly meeting. Others get a 403 from the server: the section then stays hidden, quietly.
 */
import { ApiError } from '../shared/api.js';
import { el } from '../shared/dom.js';
import type { SessionInfo } from '../shared/session-api.js';
import { caseHref } from './case-address.js';
import { fetchOverdueFollowUps, type FollowUpList } from './cases-api.js';
import { onLangChange, t } from './translate.js';

/**
 * `session` says who asks: the list is only asked for the working group's roles (viewers, editors,
 * admins), so that a partner's browser does not log a refused request.
 */
export function createOverdueFollowUps(container: HTMLElement, session: Promise<SessionInfo | null>): Promise<void> {
  container.hidden = true;
  let answer: FollowUpList | null = null;

  const render = () => {
    if (!answer) return;
    const heading = el('h2', undefined, t('followUps.heading'));
    const help = el('p', 'help', t('followUps.help', { date: answer.as_of }));
    if (answer.follow_ups.length === 0) {
      container.replaceChildren(heading, help, el('p', 'case-none', t('followUps.none')));
      return;
    }
    const table = el('table', 'cases-table follow-ups-table');
    table.append(el('caption', 'visually-hidden', t('followUps.caption')));
    const head = el('tr');
    for (const key of ['col.owner', 'col.action', 'col.due', 'col.case'] as const) {
      const th = el('th', undefined, t(key));
      th.scope = 'col';
      head.append(th);
    }
    table.createTHead().append(head);
    const body = table.createTBody();
    for (const f of answer.follow_ups) {
      const row = el('tr', 'follow-up-row');
      row.dataset.caseId = String(f.case_id);
      const link = el('a', undefined, f.case_title);
      link.href = caseHref(f.case_id);
      const caseCell = el('td');
      caseCell.append(link);
      row.append(el('td', undefined, f.owner), el('td', undefined, f.action), el('td', 'cell-date', f.due_on), caseCell);
      body.append(row);
    }
    container.replaceChildren(heading, help, table);
  };
  onLangChange(render);

  return session
    .then((info) => (info?.role === 'viewer' || info?.role === 'editor' || info?.role === 'admin' ? fetchOverdueFollowUps() : null))
    .then((next) => {
      if (!next) return;
      answer = next;
      container.hidden = false;
      render();
    })
    .catch((error: unknown) => {
      // Not the working group's: nothing to show, nothing to say.
      if (error instanceof ApiError && (error.status === 403 || error.status === 401)) return;
      console.warn(error);
    });
}
