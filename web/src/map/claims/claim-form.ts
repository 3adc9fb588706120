/**
 * The claim editor's form: what the claim is (cooperative, basis, start date, name), the
 * drawing controls and the coordinate field that lets a keyboard user enter the polygon.
 * Only markup and labels here; claim-editor.ts gives it behaviour.
 */
import { isoDateField } from '../../shared/iso-date-input.js';
import type { CLAIM_BASES } from '../../../../server/domain/vocabulary.js';
import type { LayerFeature } from '../../shared/api.js';
import { vocabulary } from '../contested/contested-reasons.js';
import { isIsoDate } from '../../shared/iso-dates.js';
import { el, labelled } from '../../shared/dom.js';
import { onLangChange, t, type MessageKey } from '../messages.js';

/** Typed against the server's list (type only, no server code in the bundle): tsc fails when they part. */
const BASES: typeof CLAIM_BASES = ['title', 'application', 'customary', 'occupation', 'agreement', 'other'];

function button(className: string): HTMLButtonElement {
  const b = el('button', className);
  b.type = 'button';
  return b;
}

/** The button that opens the form, and the line that says what became of the last save. */
function startControls() {
  const start = button('editor-start');
  start.id = 'draw-claim';
  start.setAttribute('aria-controls', 'claim-editor-form');
  start.setAttribute('aria-expanded', 'false');
  const message = el('p', 'editor-message');
  message.setAttribute('role', 'status');
  return { start, message };
}

function formFrame() {
  const form = el('div', 'editor-form');
  form.id = 'claim-editor-form';
  form.hidden = true;
  form.setAttribute('role', 'group');
  const title = el('h2', 'editor-title');
  title.id = 'claim-editor-title';
  form.setAttribute('aria-labelledby', title.id);
  const instructions = el('p', 'help');
  const progress = el('p', 'editor-progress');
  progress.setAttribute('aria-live', 'polite');
  return { form, title, instructions, progress };
}

function drawButtons() {
  const undo = button('editor-undo');
  const finish = button('editor-finish');
  const cancel = button('editor-cancel');
  const drawButtons = el('div', 'editor-buttons');
  drawButtons.append(undo, finish, cancel);
  return { undo, finish, cancel, drawButtons };
}

/** The polygon typed or pasted as coordinates, for whoever does not draw with a pointer. */
function pasteFields() {
  const paste = el('details', 'editor-paste');
  const pasteSummary = el('summary');
  const pasteField = labelled('claim-coordinates', el('textarea'));
  pasteField.control.rows = 4;
  pasteField.control.spellcheck = false;
  const pasteHelp = el('p', 'help');
  pasteHelp.id = 'claim-coordinates-help';
  pasteField.control.setAttribute('aria-describedby', pasteHelp.id);
  const pasteApply = button('editor-paste-apply');
  const pasteError = el('p', 'field-error');
  pasteError.setAttribute('role', 'alert');
  pasteError.hidden = true;
  paste.append(pasteSummary, pasteField.wrapper, pasteHelp, pasteApply, pasteError);
  return { paste, pasteSummary, pasteField, pasteHelp, pasteApply, pasteError };
}

/** What the claim is: whose, on what basis, from when, and its name. */
function claimFields() {
  const cooperative = labelled('claim-cooperative', el('select'));
  cooperative.control.required = true;
  const basis = labelled('claim-basis', el('select'));
  basis.control.required = true;
  const validFrom = labelled('claim-valid-from', el('input'));
  validFrom.control.required = true;
  isoDateField(validFrom.control);
  const name = labelled('claim-name', el('input'));
  name.control.type = 'text';
  name.control.maxLength = 200;
  return { cooperative, basis, validFrom, name };
}

/** The overlaps found, the buttons that check and save, and the form's alert. */
function outcomeFields() {
  const overlaps = el('div', 'overlap-output');
  overlaps.setAttribute('aria-live', 'polite');
  const check = button('editor-check');
  const save = button('editor-save');
  const actions = el('div', 'editor-buttons');
  actions.append(check, save);
  const error = el('p', 'field-error editor-error');
  error.setAttribute('role', 'alert');
  error.hidden = true;
  return { overlaps, check, save, actions, error };
}

export function createClaimForm(container: HTMLElement) {
  const { start, message } = startControls();
  const { form, title, instructions, progress } = formFrame();
  const { undo, finish, cancel, drawButtons: drawing } = drawButtons();
  const { paste, pasteSummary, pasteField, pasteHelp, pasteApply, pasteError } = pasteFields();
  const { cooperative, basis, validFrom, name } = claimFields();
  const { overlaps, check, save, actions, error } = outcomeFields();
  form.append(title, instructions, progress, drawing, paste, cooperative.wrapper, basis.wrapper, validFrom.wrapper, name.wrapper, overlaps, actions, error);
  container.append(start, message, form);

  let cooperatives: LayerFeature[] = [];
  function fillCooperatives(): void {
    const chosen = cooperative.control.value;
    const options = [new Option(t('editor.choose'), '')];
    for (const c of cooperatives) {
      const status = vocabulary('legal_status', String(c.properties.legal_status ?? ''));
      options.push(new Option(`${String(c.properties.name)} — ${status}`, String(c.id)));
    }
    cooperative.control.replaceChildren(...options);
    cooperative.control.value = chosen;
  }
  function fillBases(): void {
    const chosen = basis.control.value;
    basis.control.replaceChildren(new Option(t('editor.choose'), ''), ...BASES.map((b) => new Option(vocabulary('basis', b), b)));
    basis.control.value = chosen;
  }

  const texts: Array<[HTMLElement, MessageKey]> = [
    [start, 'editor.start'],
    [title, 'editor.title'],
    [instructions, 'editor.instructions'],
    [undo, 'editor.undo'],
    [finish, 'editor.finish'],
    [cancel, 'editor.cancel'],
    [pasteSummary, 'editor.paste'],
    [pasteField.label, 'editor.paste'],
    [pasteHelp, 'editor.pasteHelp'],
    [pasteApply, 'editor.pasteApply'],
    [cooperative.label, 'editor.cooperative'],
    [basis.label, 'editor.basis'],
    [validFrom.label, 'editor.validFrom'],
    [name.label, 'editor.name'],
    [check, 'editor.check'],
    [save, 'editor.save'],
  ];
  const refresh = () => {
    for (const [element, key] of texts) element.textContent = t(key);
    cancel.setAttribute('aria-keyshortcuts', 'Escape');
    fillCooperatives();
    fillBases();
  };
  onLangChange(refresh);
  refresh();

  /** Shows one message in the form's alert, or clears it with null. */
  function setError(text: string | null): void {
    error.hidden = text === null;
    error.textContent = text ?? '';
  }

  return {
    start,
    message,
    form,
    progress,
    undo,
    finish,
    cancel,
    paste,
    pasteInput: pasteField.control,
    pasteApply,
    pasteError,
    cooperative: cooperative.control,
    basis: basis.control,
    validFrom: validFrom.control,
    name: name.control,
    overlaps,
    check,
    save,
    error,
    setCooperatives(list: LayerFeature[]) {
      cooperatives = [...list].sort((a, b) => String(a.properties.name).localeCompare(String(b.properties.name)));
      fillCooperatives();
    },
    setError,
    /** Opens the form; the claim starts on the map's date unless a whole date is typed already. */
    open(asOfDate: string) {
      form.hidden = false;
      start.setAttribute('aria-expanded', 'true');
      start.disabled = true;
      message.textContent = '';
      setError(null);
      if (!isIsoDate(validFrom.control.value)) validFrom.control.value = asOfDate;
    },
    /** Closes the form; the cooperative, basis and date stay for the next claim, the name and typed coordinates go. */
    close() {
      form.hidden = true;
      start.disabled = false;
      start.setAttribute('aria-expanded', 'false');
      name.control.value = '';
      pasteField.control.value = '';
      setError(null);
    },
  };
}

export type ClaimForm = ReturnType<typeof createClaimForm>;
