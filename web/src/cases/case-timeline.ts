/**
 * A case's steps in date order: the day, the kind in words, who acted, the working group's
 * account, the records it rests on in words, and its follow-ups (done, to do, overdue). Each
 * step's heading is a button that shows that day on the map; pressed again, the map shows
 * everything. Data enters through textContent only.
 */
import { el } from '../shared/dom.js';
import type { CaseFile, CaseStep } from './cases-api.js';
import { shapeKey } from './case-shapes.js';
import { describeRecord } from './record-words.js';
import { actorWords, onLangChange, stepWords, t } from './translate.js';

export interface CaseTimeline {
  /** The chosen step's index, or null. */
  readonly selected: number | null;
}

/** The keys (`incidents-4`) of the records a step rests on, as the map names them. */
export const citedKeys = (step: CaseStep) => new Set(step.rests_on.map((r) => shapeKey(r.layer, r.id)));

function stepItem(
  step: CaseStep,
  index: number,
  cooperatives: ReadonlyMap<number, string>,
  pressed: boolean,
  onChoose: (index: number) => void,
): HTMLLIElement {
  const li = el('li', 'case-step');
  li.dataset.index = String(index);
  li.dataset.date = step.taken_on;
  li.dataset.kind = step.kind;
  if (pressed) li.classList.add('is-selected');

  const button = el('button', 'step-button');
  button.type = 'button';
  button.setAttribute('aria-pressed', String(pressed));
  const time = el('time', 'step-date', step.taken_on);
  time.dateTime = step.taken_on;
  button.append(time, el('span', 'step-kind', stepWords(step.kind)));
  button.append(el('span', 'visually-hidden', ` — ${pressed ? t('step.shown') : t('step.show')}`));
  button.addEventListener('click', () => onChoose(index));
  const heading = el('h3', 'step-heading');
  heading.append(button);
  li.append(heading);

  const actor = step.actor_kind ? actorWords(step.actor_kind) : null;
  const who = step.acted_by ? (actor ? `${step.acted_by} (${actor})` : step.acted_by) : actor;
  if (who) li.append(el('p', 'step-actor', t('step.actedBy', { who })));
  const text = step.summary ?? step.shared_summary;
  if (text) li.append(el('p', 'step-summary', text));
  if (step.summary && step.shared_summary) li.append(el('p', 'step-shared', t('step.shared', { text: step.shared_summary })));

  if (step.rests_on.length) {
    const records = el('div', 'step-records');
    records.append(el('p', 'step-label', t('step.restsOn')));
    const list = el('ul');
    for (const ref of step.rests_on) {
      const item = el('li', `record record-${ref.layer}`, describeRecord(ref, cooperatives));
      item.dataset.layer = ref.layer;
      item.dataset.id = String(ref.id);
      list.append(item);
    }
    records.append(list);
    li.append(records);
  }

  if (step.follow_ups?.length) {
    const box = el('div', 'step-follow-ups');
    box.append(el('p', 'step-label', t('step.followUps')));
    const list = el('ul');
    for (const f of step.follow_ups) {
      const item = el('li', 'follow-up');
      item.dataset.state = f.done_on ? 'done' : f.overdue ? 'overdue' : 'open';
      const state = f.done_on ? t('followUp.done', { date: f.done_on }) : f.overdue ? t('followUp.overdue') : t('followUp.open');
      item.append(el('strong', 'follow-up-state', state), ` ${t('followUp.line', { action: f.action, owner: f.owner, due: f.due_on })}`);
      list.append(item);
    }
    box.append(list);
    li.append(box);
  }
  return li;
}

export function createCaseTimeline(container: HTMLElement, file: CaseFile, onChoose: (step: CaseStep | null) => void): CaseTimeline {
  const cooperatives = new Map(file.parties.flatMap((p) => (p.cooperative_id !== null && p.name ? [[p.cooperative_id, p.name] as const] : [])));
  // The server sends them in date order; sorting again (stably) keeps the timeline right if that changes.
  const steps = file.steps.map((step, index) => ({ step, index })).sort((a, b) => a.step.taken_on.localeCompare(b.step.taken_on) || a.index - b.index);
  let selected: number | null = null;

  const heading = el('h2', 'timeline-heading');
  const help = el('p', 'help timeline-help');
  const list = el('ol', 'case-timeline');

  const choose = (index: number) => {
    selected = selected === index ? null : index;
    render();
    list.querySelector<HTMLButtonElement>(`.case-step[data-index="${index}"] .step-button`)?.focus();
    onChoose(selected === null ? null : file.steps[selected]!);
  };

  const render = () => {
    heading.textContent = t('case.timeline');
    help.textContent = t('case.timelineHelp');
    list.replaceChildren(...steps.map(({ step, index }) => stepItem(step, index, cooperatives, index === selected, choose)));
    if (steps.length === 0) list.append(el('li', 'case-none', t('case.noSteps')));
  };
  onLangChange(render);
  render();
  container.replaceChildren(heading, help, list);
  return {
    get selected() {
      return selected;
    },
  };
}
