/**
 * The incident form's sources: one row each, a type and an internal reference, added and
 * removed by the user; each row's labels say which source they belong to ("Source 2 : type").
 */
import { el, labelled } from '../../shared/dom.js';
import { t } from '../messages.js';
import { button, fillSelect } from './incident-form-controls.js';
import type { IncidentProperties } from './incident-api.js';
import { SOURCE_TYPES } from './incident-vocabulary.js';

interface SourceRow {
  row: HTMLLIElement;
  type: HTMLSelectElement;
  reference: HTMLInputElement;
  remove: HTMLButtonElement;
  labels: [HTMLLabelElement, HTMLLabelElement];
}

export type SourceValue = { type?: string; reference?: string };

export function createSourceList(list: HTMLOListElement, addSource: HTMLButtonElement) {
  const rows: SourceRow[] = [];
  let serial = 0;

  function add(value: SourceValue = {}): HTMLSelectElement {
    serial += 1;
    const row = el('li', 'incident-source');
    const type = labelled(`incident-source-type-${serial}`, el('select'));
    fillSelect(type.control, 'type', SOURCE_TYPES);
    type.control.value = value.type ?? 'witness';
    const reference = labelled(`incident-source-reference-${serial}`, el('input'));
    reference.control.type = 'text';
    reference.control.maxLength = 500;
    reference.control.value = value.reference ?? '';
    const remove = button('editor-remove-source');
    const entry: SourceRow = { row, type: type.control, reference: reference.control, remove, labels: [type.label, reference.label] };
    remove.addEventListener('click', () => {
      const index = rows.indexOf(entry);
      rows.splice(index, 1);
      row.remove();
      refresh();
      (rows[index]?.type ?? rows[index - 1]?.type ?? addSource).focus();
    });
    row.append(type.wrapper, reference.wrapper, remove);
    list.append(row);
    rows.push(entry);
    refresh();
    return type.control;
  }
  addSource.addEventListener('click', () => add().focus());

  /** Numbers the rows' labels and says their choices again, in the page's language. */
  function refresh(): void {
    rows.forEach((entry, i) => {
      const n = i + 1;
      entry.labels[0].textContent = t('incidentEditor.sourceType', { n });
      entry.labels[1].textContent = t('incidentEditor.sourceReference', { n });
      entry.remove.textContent = t('incidentEditor.removeSource', { n });
      const chosen = entry.type.value;
      fillSelect(entry.type, 'type', SOURCE_TYPES);
      entry.type.value = chosen;
    });
  }

  return {
    add,
    refresh,
    clear(): void {
      for (const entry of rows.splice(0)) entry.row.remove();
    },
    /** The sources as the server takes them: a reference only when one is given. */
    read(): IncidentProperties['sources'] {
      return rows.map((s) => ({ type: s.type.value, ...(s.reference.value.trim() ? { reference: s.reference.value.trim() } : {}) }));
    },
  };
}

export type SourceList = ReturnType<typeof createSourceList>;
