/**
 * The way from a contested zone to its case file (issue 15): the cases naming one of its
 * claimants' claims (`GET /api/cases?claim_id=…`), each as "Dossier : <title>" linking to
 * cases.html?id=N; with none, "Ouvrir un dossier" for editors and admins, to the case page's
 * form with the claims filled in. Answers are kept per set of claims, so a language switch
 * redraws without asking again.
 */
import type { CaseList } from '../../../../server/cases/case-schema.js';
import { getJson } from '../../shared/api.js';
import { el } from '../../shared/dom.js';
import { fetchSession } from '../../shared/session-api.js';
import { t } from '../messages.js';

interface Found {
  cases: Array<{ id: number; title: string }>;
  mayOpen: boolean;
}

const found = new Map<string, Promise<Found>>();
let mayEdit: Promise<boolean> | undefined;

function lookUp(claimIds: number[]): Promise<Found> {
  const key = claimIds.join(',');
  let answer = found.get(key);
  if (!answer) {
    const query = new URLSearchParams({ limit: '5' });
    for (const id of claimIds) query.append('claim_id', String(id));
    mayEdit ??= fetchSession()
      .then((s) => s.role === 'editor' || s.role === 'admin')
      .catch(() => false);
    answer = Promise.all([getJson<CaseList>(`api/cases?${query}`), mayEdit]).then(([list, mayOpen]) => ({
      cases: list.cases.map((c) => ({ id: c.id, title: c.title })),
      mayOpen,
    }));
    // A failed look-up is asked again next time the zone opens.
    answer.catch(() => found.delete(key));
    found.set(key, answer);
  }
  return answer;
}

/** A paragraph that fills itself with the zone's case links once known (empty if none may be shown). */
export function caseLinks(claimIds: number[]): HTMLElement {
  const ids = [...new Set(claimIds)].sort((a, b) => a - b);
  const box = el('p', 'details-case');
  box.hidden = true;
  lookUp(ids)
    .then(({ cases, mayOpen }) => {
      const links = cases.map((c) => {
        const a = el('a', 'case-file-link', t('details.caseFile', { title: c.title }));
        a.href = `./cases.html?id=${c.id}`;
        a.dataset.caseId = String(c.id);
        return a;
      });
      if (links.length === 0 && mayOpen) {
        const a = el('a', 'case-open-link', t('details.caseOpen'));
        a.href = `./cases.html?${new URLSearchParams([['new', '1'], ...ids.map((id) => ['claim_id', String(id)])])}`;
        links.push(a);
      }
      links.forEach((a, i) => box.append(...(i ? [el('br'), a] : [a])));
      box.hidden = links.length === 0;
      box.dataset.state = 'ready';
    })
    .catch((error: unknown) => {
      box.dataset.state = 'error';
      console.warn(error);
    });
  return box;
}
