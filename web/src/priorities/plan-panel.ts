/**
 * Plan mode: how many units, how far each reaches, and by which objective (neediest first, the
 * default, or maximum coverage, each explained in a sentence); the placements come back in order,
 * each with the need it adds and the share of all need covered so far (plan-results.ts).
 */
import { el } from '../shared/dom.js';
import type { Plan, PlanObjective } from './api.js';
import { markInvalid, numberField } from './fields.js';
import { planResults } from './plan-results.js';
import { onLangChange, t } from './translate.js';

export const DEFAULT_UNITS = 3;
/** The API's objectives, the default first (server/analysis/priorities/priority-schema.ts). */
export const OBJECTIVES: readonly PlanObjective[] = ['neediest_first', 'coverage'];

export interface PlanPanel {
  setRunning(): void;
  setPlan(plan: Plan | null): void;
  setError(message: string): void;
  /** The settings changed under a shown plan: it no longer answers them. */
  setStale(): void;
}

export interface PlanPanelOptions {
  radiusKm: number;
  onPlan(units: number, radiusKm: number, objective: PlanObjective): void;
  onClear(): void;
  onSelect(placeKey: string): void;
}

type Note = { kind: 'idle' } | { kind: 'running' } | { kind: 'invalid' } | { kind: 'error'; message: string } | { kind: 'stale' } | { kind: 'done' };

export function createPlanPanel(container: HTMLElement, options: PlanPanelOptions): PlanPanel {
  const heading = el('h2', 'panel-heading');
  const form = el('form', 'plan-form');
  form.noValidate = true;
  const units = numberField('plan-units', DEFAULT_UNITS, { min: 1, max: 200, step: 1 });
  const radius = numberField('plan-radius', options.radiusKm, { min: 0, max: 100, step: 0.5 });
  const radiusHelp = el('p', 'help');
  radiusHelp.id = 'plan-radius-help';
  radius.input.setAttribute('aria-describedby', radiusHelp.id);
  radius.field.append(radiusHelp);
  const run = el('button', 'primary');
  run.type = 'submit';
  run.id = 'plan-run';
  const clear = el('button', 'secondary');
  clear.type = 'button';
  clear.id = 'plan-clear';
  const buttons = el('div', 'button-row');
  buttons.append(run, clear);
  // One radio per objective, each with its sentence read with it (aria-describedby).
  const objectives = el('fieldset', 'objective-field');
  objectives.id = 'plan-objective';
  const objectivesLegend = el('legend', 'field-label');
  objectives.append(objectivesLegend);
  const objectiveParts = OBJECTIVES.map((objective, i) => {
    const input = el('input');
    input.type = 'radio';
    input.name = 'plan-objective';
    input.id = `plan-objective-${objective}`;
    input.value = objective;
    input.checked = i === 0;
    const label = el('label');
    label.htmlFor = input.id;
    const help = el('p', 'help objective-help');
    help.id = `${input.id}-help`;
    input.setAttribute('aria-describedby', help.id);
    const row = el('div', 'objective-option');
    row.append(input, label, help);
    objectives.append(row);
    return { objective, input, label, help };
  });
  const chosenObjective = () => objectiveParts.find((o) => o.input.checked)?.objective ?? OBJECTIVES[0]!;
  form.append(units.field, radius.field, objectives, buttons);
  const status = el('p', 'plan-status');
  status.id = 'plan-status';
  status.setAttribute('role', 'status');
  const results = el('div', 'plan-results');
  results.id = 'plan-results';
  container.replaceChildren(heading, form, status, results);

  let plan: Plan | null = null;
  let note: Note = { kind: 'idle' };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const u = Number(units.input.value);
    const r = Number(radius.input.value);
    // Number('') is 0: an emptied field must not pass as a reach of 0 km.
    const unitsValid = units.input.value !== '' && Number.isInteger(u) && u >= 1 && u <= 200;
    const radiusValid = radius.input.value !== '' && Number.isFinite(r) && r >= 0 && r <= 100;
    markInvalid(units.input, !unitsValid);
    markInvalid(radius.input, !radiusValid);
    if (!unitsValid || !radiusValid) {
      note = { kind: 'invalid' };
      renderStatus();
      return;
    }
    options.onPlan(u, r, chosenObjective());
  });
  clear.addEventListener('click', () => options.onClear());

  const renderStatus = () => {
    status.dataset.state = note.kind;
    if (note.kind === 'running') status.textContent = t('plan.running');
    else if (note.kind === 'invalid') status.textContent = t('plan.invalid');
    else if (note.kind === 'error') status.textContent = t('plan.error', { message: note.message });
    else if (note.kind === 'stale') status.textContent = t('plan.stale');
    else status.textContent = '';
  };

  const renderResults = () => {
    clear.disabled = plan === null;
    if (!plan) {
      results.replaceChildren();
      return;
    }
    results.replaceChildren(...planResults(plan, (placeKey) => options.onSelect(placeKey)));
  };

  const translate = () => {
    heading.textContent = t('plan.title');
    units.label.textContent = t('plan.units');
    radius.label.textContent = t('plan.radius');
    radiusHelp.textContent = t('plan.radiusHelp');
    objectivesLegend.textContent = t('plan.objective');
    for (const o of objectiveParts) {
      o.label.textContent = t(`plan.objective.${o.objective}`);
      o.help.textContent = t(`plan.objectiveHelp.${o.objective}`);
    }
    run.textContent = t('plan.run');
    clear.textContent = t('plan.clear');
    renderStatus();
    renderResults();
  };
  onLangChange(translate);
  translate();

  return {
    setRunning() {
      note = { kind: 'running' };
      renderStatus();
    },
    setPlan(next) {
      plan = next;
      note = { kind: next ? 'done' : 'idle' };
      renderStatus();
      renderResults();
    },
    setError(message) {
      note = { kind: 'error', message };
      renderStatus();
    },
    setStale() {
      if (!plan) return;
      plan = null;
      note = { kind: 'stale' };
      renderStatus();
      renderResults();
    },
  };
}
